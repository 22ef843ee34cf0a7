/* error.h: errors as data.  Core functions that can fail fill a
 * caller-provided bd_error and return false; only the front end prints. */
#ifndef BD_ERROR_H
#define BD_ERROR_H

#include <stdbool.h>

enum bd_errcode {
	BD_OK = 0,
	BD_ERR_IO,     /* a file could not be read */
	BD_ERR_SYNTAX, /* a configuration or rule file is malformed */
	BD_ERR_REGEX,  /* a pattern did not compile */
	BD_ERR_LIMIT,  /* a size limit was hit */
};

struct bd_error {
	enum bd_errcode code;
	char msg[1024]; /* complete sentence: "FILE:LINE: what is wrong" */
};

/* Sets err (when not NULL) and returns false. */
bool bd_error_set(struct bd_error *err, enum bd_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *bd_errcode_name(enum bd_errcode code);

#endif
