/* reason.h: the reason vocabulary and bouncedesk's finer categories.
 *
 * One table holds every reason the classifier can give: the shared industry
 * vocabulary (userunknown, mailboxfull, ...) and a few finer categories of
 * our own, each naming the vocabulary reason it refines.  Everything else
 * (policy, TUI groups, help) reads this table.
 */
#ifndef BD_REASON_H
#define BD_REASON_H

#include <stdbool.h>
#include <stddef.h>

enum bd_group {
	BD_GROUP_ADDRESS,   /* the address itself is bad: stop sending */
	BD_GROUP_SENDER,    /* the receiver refused the sender: the address is fine */
	BD_GROUP_TEMPORARY, /* may clear by itself: retry, stop only if it persists */
	BD_GROUP_NOTBOUNCE, /* not a delivery failure at all */
};

struct bd_reason {
	const char *id;      /* "userunknown"; a category id for finer ones */
	const char *refines; /* the vocabulary reason a finer category refines, or NULL */
	const char *label;   /* short human name */
	const char *meaning; /* one line */
	bool hard;           /* does it say the address is bad (by default)? */
	bool permanent;      /* default for "permanent" when the message has no code */
	enum bd_group group;
};

extern const struct bd_reason bd_reasons[];
extern const size_t bd_nreasons;

/* The entry for id (a vocabulary reason or a finer category), or NULL. */
const struct bd_reason *bd_reason_get(const char *id);
/* The vocabulary reason of an entry: itself, or the one it refines. */
const struct bd_reason *bd_reason_base(const struct bd_reason *r);
const char *bd_group_name(enum bd_group g);
const char *bd_group_label(enum bd_group g);

#endif
