/* zoho.c: Zoho Mail's bounce.  One line per recipient: the address, Zoho's
 * verdict, then "ERROR_CODE :<reply code>, ERROR_CODE :<status or the
 * server's text>". */
#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

#define TAG "ERROR_CODE :"

static bool match(const struct bd_msg *m)
{
	return bd_msg_find(m, TAG) != NULL;
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	int n = 0;
	while (bd_next_line(m->body, m->orig_offset, &pos, &line, &llen)) {
		const char *tag = bd_memcasemem(line, llen, TAG, strlen(TAG));
		if (!tag)
			continue;
		size_t apos = 0, st, en;
		char *addr = bd_addr_next(&r->arena, line, (size_t)(tag - line), &apos, &st, &en);
		if (!addr || st > 1)
			continue;
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		n += r->n > before;
		const char *rest = line + en;
		bd_rcpt_set_diag(r, rc, rest, llen - en);
		const char *code = tag + strlen(TAG);
		if (code + 3 <= line + llen && code[0] >= '2' && code[0] <= '5' && code[1] >= '0' &&
		    code[1] <= '9' && code[2] >= '0' && code[2] <= '9')
			rc->replycode = bd_report_strn(r, code, 3);
	}
	return n;
}

const struct bd_detector bd_det_zoho = {"zoho", match, extract};
