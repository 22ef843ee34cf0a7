/* util_a.c: helpers shared by the MTA detectors of list_mta_a.def (see
 * util_a.h). */
#include "util_a.h"

#include <string.h>

#include "../addr.h"
#include "../detect.h"
#include "../str.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t bda_reply_at(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++) {
		if (s[i] < '2' || s[i] > '5' || !is_digit(s[i + 1]) || !is_digit(s[i + 2]))
			continue;
		if (i > 0 &&
		    !(s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == ':' ||
		      s[i - 1] == '\'' || s[i - 1] == '"' || s[i - 1] == '(' || s[i - 1] == '<'))
			continue;
		if (i + 3 == n || s[i + 3] == ' ' || s[i + 3] == '-' || s[i + 3] == '\n')
			return i;
	}
	return n;
}

char *bda_join(struct bd_report *r, const char *text, size_t len)
{
	char *d = bd_arena_strndup(&r->arena, text, len);
	return bd_str_squeeze(d);
}

int bda_rcpt_lines(struct bd_report *r, const char *text, size_t len, const char *diag, size_t dlen)
{
	size_t pos = 0, llen;
	const char *line;
	int added = 0;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		size_t ap = 0, st, en;
		char *addr = bd_addr_next(&r->arena, line, llen, &ap, &st, &en);
		if (!addr)
			continue;
		size_t before = r->n;
		struct bd_rcpt *rc = bd_report_rcpt(r, addr);
		added += r->n > before;
		bd_rcpt_set_diag(r, rc, diag, dlen);
	}
	return added;
}

bool bda_blank(const char *line, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!bd_isspace(line[i]))
			return false;
	}
	return true;
}

size_t bda_indent(const char *line, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (line[i] == ' ')
			k++;
		else if (line[i] == '\t')
			k += 8;
		else
			break;
	}
	return k;
}

size_t bda_skip_ws(const char *line, size_t n)
{
	size_t i = 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i;
}

int bda_accounts(struct bd_report *r, const char *text, size_t len, size_t pos, bda_addr_fn addr_of,
		 bda_words_fn words, void *ctx)
{
	const char *line;
	size_t llen;
	struct bd_rcpt *rc = NULL;
	struct bd_buf why;
	bd_buf_init(&why);
	int added = 0;
	for (;;) {
		bool more = bd_next_line(text, len, &pos, &line, &llen);
		char *addr = more ? addr_of(r, line, llen) : NULL;
		if (!more || addr) {
			if (rc && why.len)
				bd_rcpt_set_diag(r, rc, why.data, why.len);
			bd_buf_reset(&why);
			if (!more)
				break;
			size_t before = r->n;
			rc = bd_report_rcpt(r, addr);
			added += r->n > before;
			continue;
		}
		if (!rc || bda_blank(line, llen))
			continue;
		const char *t = line + bda_skip_ws(line, llen);
		size_t tl = llen - (size_t)(t - line);
		if ((words && !words(ctx, rc, &why, &t, &tl)) || !tl)
			continue;
		if (why.len)
			bd_buf_addc(&why, ' ');
		bd_buf_add(&why, t, tl);
	}
	bd_buf_done(&why);
	return added;
}

char *bda_lone_address(struct bd_report *r, const char *line, size_t n)
{
	while (n && bd_isspace(line[n - 1]))
		n--;
	size_t ind = bda_skip_ws(line, n);
	size_t pos = 0, st = 0, en = 0;
	char *addr = bd_addr_next(&r->arena, line, n, &pos, &st, &en);
	return addr && st == ind && en == n ? addr : NULL;
}

const char *bda_from_host(const struct bd_msg *m, struct bd_report *r)
{
	char *from = m->from ? bd_addr_first(&r->arena, m->from) : NULL;
	const char *at = from ? strrchr(from, '@') : NULL;
	return at && at[1] ? at + 1 : NULL;
}

/* Past the first ": " of s that does not introduce an <address> argument
 * (where the server's own words start), or s when there is none. */
static const char *past_clause(const char *s)
{
	const char *q = s;
	for (;;) {
		const char *c = strstr(q, ": ");
		if (!c)
			break;
		q = c + 2;
		if (*q != '<')
			break;
	}
	return q;
}

void bda_smtp_error_reason(struct bd_report *r, struct bd_rcpt *rc, const char *d)
{
	size_t n = strlen(d);
	size_t from = 0;
	const char *err = bd_memcasemem(d, n, "SMTP error from remote ", 23);
	if (err) {
		const char *after = bd_memcasemem(err, n - (size_t)(err - d), " after ", 7);
		if (after) {
			after += 7;
			rc->command = bd_command_name(
				after, n - (size_t)(after - d) < 24 ? n - (size_t)(after - d) : 24);
			/* The clause ends at the first ": " that does not introduce
			 * the command's own <address> argument. */
			const char *q = past_clause(after);
			if (q > after && (size_t)(q - d) > from)
				from = (size_t)(q - d);
		}
	}
	const char *h = d;
	while ((h = bd_memcasemem(h, n - (size_t)(h - d), "host ", 5)) != NULL) {
		if (h > d && h[-1] != ' ') {
			h += 5;
			continue;
		}
		const char *name = h + 5;
		const char *sp = strchr(name, ' ');
		if (sp && sp[1] == '[') {
			const char *rb = strchr(sp, ']');
			if (rb) {
				rc->remote_mta = bd_report_strn(r, name, (size_t)(sp - name));
				if ((size_t)(rb + 1 - d) > from)
					from = (size_t)(rb + 1 - d);
			}
		}
		break;
	}
	const char *rest = d + from;
	while (*rest == ':' || *rest == ' ')
		rest++;
	/* "host X [IP] SMTP error ... after CMD: reply": the clause follows the host. */
	if (err && err >= rest) {
		const char *q = past_clause(err);
		if (q > err)
			rest = q;
	}
	if (!*rest)
		rest = d;
	bd_rcpt_set_diag(r, rc, rest, strlen(rest));
}
