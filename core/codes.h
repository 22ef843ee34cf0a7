/* codes.h: SMTP reply codes (RFC 5321, 7504) and enhanced status codes
 * (RFC 3463 and the IANA registry): meaning, the reason each implies when a
 * bounce gives nothing better, and whether a code says the failure is
 * permanent (the seed table: 4xx temporary; 5.x.y permanent except a few
 * "the address may work again" codes).
 */
#ifndef BD_CODES_H
#define BD_CODES_H

#include <stdbool.h>

struct bd_status_info {
	const char *code; /* "X.1.1": class-free subject.detail */
	const char *meaning;
	const char *reason; /* implied reason, or NULL when the code says too little */
};

struct bd_reply_info {
	int code;
	const char *meaning;
	const char *reason;
};

extern const struct bd_status_info bd_status_table[];
extern const struct bd_reply_info bd_reply_table[];

/* The entry for status "5.1.1" (class ignored), or NULL. */
const struct bd_status_info *bd_status_lookup(const char *status);
/* The meaning of a class digit: "Success", "Persistent transient failure"... */
const char *bd_status_class_meaning(char cls);
const struct bd_reply_info *bd_reply_lookup(int code);

/* Is status (e.g. "5.2.2") a permanent failure by the seed table? */
bool bd_status_permanent(const char *status);

/* Parses "c.s.d" into its parts; false when malformed. */
bool bd_status_split(const char *status, int *cls, int *subject, int *detail);

#endif
