/* exchange2003.c: non-delivery reports of Microsoft Exchange 5.5 to 2003
 * (the Internet Mail Service / Connector), in prose.
 *
 * "Your message ... did not reach the following recipient(s):" or "The
 * following recipient(s) could not be reached:" is followed by one line per
 * recipient, "addr on DATE", and indented reason lines ending in an
 * MSEXCH:... code.  "The MTS-ID of the original message is:" lines are
 * bookkeeping, not the reason. */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"
#include "util_a.h"

static const char *const leads[] = {
	"did not reach the following recipient(s):",
	"The following recipient(s) could not be reached:",
	NULL,
};

static const char *find_lead(const struct bd_msg *m)
{
	for (size_t i = 0; leads[i]; i++) {
		const char *p = bd_msg_find(m, leads[i]);
		if (p)
			return p + strlen(leads[i]);
	}
	return NULL;
}

static bool match(const struct bd_msg *m)
{
	return find_lead(m) != NULL;
}

/* "addr on DATE" (the address first on the line): the address, or NULL. */
static char *recipient_line(struct bd_report *r, const char *line, size_t n)
{
	size_t ind = 0;
	while (ind < n && bd_isspace(line[ind]))
		ind++;
	const char *on = bd_memcasemem(line + ind, n - ind, " on ", 4);
	if (!on)
		return NULL;
	size_t pos = 0, st, en;
	char *a = bd_addr_next(&r->arena, line, (size_t)(on - line), &pos, &st, &en);
	return a && st == ind ? a : NULL;
}

/* Leaves out the MTS-ID line and its ";"-continuations: they identify the
 * message, they do not say why it failed. */
static bool account_words(void *ctx, struct bd_rcpt *rc, const struct bd_buf *so_far,
			  const char **t, size_t *n)
{
	(void)rc;
	(void)so_far;
	bool *skip_cont = ctx;
	if (bd_startswith_ci(*t, "The MTS-ID of the original message is")) {
		*skip_cont = true;
		return false;
	}
	if (*skip_cont && (*t)[0] == ';')
		return false;
	*skip_cont = false;
	(void)n;
	return true;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	const char *p = find_lead(m);
	const char *end = m->body + m->orig_offset;
	if (!p || p >= end)
		return 0;
	bool skip_cont = false;
	return bda_accounts(r, p, (size_t)(end - p), 0, recipient_line, account_words, &skip_cont);
}

const struct bd_detector bd_det_exchange2003 = {"exchange2003", match, extract};
