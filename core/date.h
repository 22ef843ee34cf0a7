/* date.h: mail dates (RFC 5322 and the variants MTAs really write) to UTC.
 *
 * Accepts "Thu, 29 Apr 2013 23:45:32 +0900 (JST)", two-digit years, zone
 * names (GMT, UTC, EST, JST...), missing seconds, asctime() form, and ISO
 * 8601.  Pure functions; no locale, no time zone of the machine.
 */
#ifndef BD_DATE_H
#define BD_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Seconds since the epoch (UTC) of the date in s; false when unreadable. */
bool bd_date_parse(const char *s, int64_t *out);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 32 bytes). */
void bd_date_iso(int64_t t, char *buf);

#endif
