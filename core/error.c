/* error.c: error records (see error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

bool bd_error_set(struct bd_error *err, enum bd_errcode code, const char *fmt, ...)
{
	if (!err)
		return false;
	err->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

const char *bd_errcode_name(enum bd_errcode code)
{
	static const char *const names[] = {"ok", "i/o error", "syntax error", "bad pattern",
					    "limit exceeded"};
	return (unsigned)code < sizeof(names) / sizeof(names[0]) ? names[code] : "error";
}
