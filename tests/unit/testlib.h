/* testlib.h: small helpers shared by the cmocka runners (header-only so each
 * runner stays one file).  Fixtures are files under $BD_FIXTURES
 * (tests/fixtures by default). */
#ifndef BD_TESTLIB_H
#define BD_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../core/parse.h"
#include "../../core/report.h"

static inline char *test_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("BD_FIXTURES");
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "tests/fixtures", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open fixture %s\n", path);
		fail();
	}
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
		}
		size_t k = fread(buf + n, 1, cap - n - 1, f);
		if (k == 0)
			break;
		n += k;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Parses a string (with LF line ends) as one message. */
static inline void test_parse_str(const char *msg, struct bd_report *r)
{
	struct bd_parser p;
	bd_parser_init(&p);
	bd_report_init(r);
	bd_parse(&p, msg, strlen(msg), r);
	bd_parser_done(&p);
}

static inline void test_parse_fixture(const char *name, struct bd_report *r)
{
	size_t len;
	char *data = test_fixture(name, &len);
	struct bd_parser p;
	bd_parser_init(&p);
	bd_report_init(r);
	bd_parse(&p, data, len, r);
	bd_parser_done(&p);
	free(data);
}

/* assert_string_equal that accepts NULL on either side. */
#define assert_str(a, b)                                                                      \
	do {                                                                                  \
		const char *a_ = (a), *b_ = (b);                                              \
		if (!a_ || !b_) {                                                             \
			if (a_ != b_)                                                         \
				fail_msg("%s != %s", a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
		} else {                                                                      \
			assert_string_equal(a_, b_);                                          \
		}                                                                             \
	} while (0)

#endif
