/* biglobe.c: bounces of BIGLOBE's mail servers.
 *
 * "----- The following addresses had delivery problems -----" lists the
 * addresses, one a line; "----- Non-delivered information -----" is
 * followed by the reason. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char head[] = "----- The following addresses had delivery problems -----";
static const char info[] = "----- Non-delivered information -----";

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, head) && bd_msg_find(m, info);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *end = m->body + m->orig_offset;
	const char *a = bd_msg_find(m, head);
	const char *b = bd_msg_find(m, info);
	if (!a || !b || b < a)
		return 0;
	a += sizeof(head) - 1;
	const char *why = b + sizeof(info) - 1;
	const char *why_end = bd_memcasemem(why, (size_t)(end - why), "\n\n", 2);
	if (!why_end)
		why_end = end;
	while (why < why_end && bd_isspace(*why))
		why++;
	return bda_rcpt_lines(r, a, (size_t)(b - a), why, (size_t)(why_end - why));
}

const struct bd_detector bd_det_biglobe = {"biglobe", match, extract};
