/* dragonfly.c: bounces written by the DragonFly Mail Agent (dma).
 *
 * One recipient per notice: "There was an error delivering your mail to
 * <addr>." then a paragraph that is either "HOST [IP] did not like our
 * COMMAND:" followed by the server's reply, or dma's own reason. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char lead[] = "There was an error delivering your mail to ";

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, lead) != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *end = m->body + m->orig_offset;
	const char *p = bd_msg_find(m, lead);
	if (!p)
		return 0;
	p += strlen(lead);
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	char *addr = bd_addr_normalize(&r->arena, p, (size_t)(eol - p));
	if (!addr)
		return 0;
	struct bd_rcpt *rc = bd_report_rcpt(r, addr);

	/* The reason is the next paragraph, up to "Message headers follow." or
	 * "Original message follows.". */
	const char *s = eol;
	while (s < end && bd_isspace(*s))
		s++;
	const char *e = bd_memcasemem(s, (size_t)(end - s), "\n\n", 2);
	if (!e)
		e = end;
	const char *liked = bd_memcasemem(s, (size_t)(e - s), " did not like our ", 18);
	if (liked) {
		const char *sp = memchr(s, ' ', (size_t)(liked - s));
		rc->remote_mta = bd_report_strn(r, s, sp ? (size_t)(sp - s) : (size_t)(liked - s));
		const char *c = liked + 18;
		const char *colon = memchr(c, '\n', (size_t)(e - c));
		if (!colon)
			colon = e;
		rc->command = bd_command_name(c, (size_t)(colon - c));
		s = colon;
	}
	bd_rcpt_set_diag(r, rc, s, (size_t)(e - s));
	return 1;
}

const struct bd_detector bd_det_dragonfly = {"dragonfly", match, extract};
