/* googlegroups.c: Google Groups' notice that a post to a group was refused
 * (no such group, or no permission to post).
 *
 * The notice is written in the sender's language, so it is recognised by
 * its X-Failed-Recipients header (the group's address) and the link to
 * groups.google.com help it always carries.  The reason is Google's own
 * paragraph after the greeting; there is no SMTP reply. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static bool match(const struct bd_msg *m)
{
	return bd_headers_get(m->hdr, "X-Failed-Recipients") &&
	       bd_msg_find(m, "groups.google.com/support");
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *v = bd_headers_get(m->hdr, "X-Failed-Recipients");
	if (!v)
		return 0;
	/* The paragraph after the greeting. */
	const char *end = m->body + m->orig_offset;
	const char *s = m->body;
	while (s < end && bd_isspace(*s))
		s++;
	const char *gap = bd_memcasemem(s, (size_t)(end - s), "\n\n", 2);
	const char *ds = gap ? gap : s;
	while (ds < end && bd_isspace(*ds))
		ds++;
	const char *de = bd_memcasemem(ds, (size_t)(end - ds), "\n\n", 2);
	if (!de)
		de = end;
	size_t pos = 0, st, en, len = strlen(v);
	char *addr;
	int added = 0;
	while ((addr = bd_addr_next(&r->arena, v, len, &pos, &st, &en)) != NULL) {
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		added += r->n > before;
		bd_rcpt_set_diag(r, rc, ds, (size_t)(de - ds));
	}
	return added;
}

const struct bd_detector bd_det_googlegroups = {"googlegroups", match, extract};
