/* explain.c: a code explained for the operator (see explain.h). */
#include "explain.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "help.h"
#include "reason.h"

/* The program's own words around the code reference: labels
 * "explain-NAME" of the help text (help/LANG/ui.txt). */
static const char *label(const char *lang, const char *name)
{
	char id[48];
	snprintf(id, sizeof id, "explain-%s", name);
	return bd_help_label(lang, id);
}

/* A label with one {name} filled in, into buf. */
static const char *label1(const char *lang, const char *id, const char *name, const char *value,
			  struct bd_buf *buf)
{
	const char *names[] = {name}, *values[] = {value};
	bd_help_subst(label(lang, id), buf, names, values, 1);
	return buf->data ? buf->data : "";
}

static bool all_digits(const char *s, size_t n, size_t max)
{
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

enum bd_code_kind bd_code_normalise(const char *s, char out[BD_CODE_MAX])
{
	out[0] = '\0';
	if (!s)
		return BD_CODE_NONE;
	size_t n = strlen(s);
	while (n && strchr(" \t#([<'\"", *s)) {
		s++;
		n--;
	}
	while (n && strchr(" \t:;,.)]>'\"", s[n - 1]))
		n--;
	if (n == 3 && all_digits(s, 3, 3)) {
		if (s[0] < '2' || s[0] > '5')
			return BD_CODE_NONE;
		memcpy(out, s, 3);
		out[3] = '\0';
		return BD_CODE_REPLY;
	}
	/* CLASS.SUBJECT.DETAIL */
	if (n < 5 || n >= BD_CODE_MAX || s[1] != '.')
		return BD_CODE_NONE;
	char cls = s[0] == 'x' ? 'X' : s[0];
	if (cls != '2' && cls != '4' && cls != '5' && cls != 'X')
		return BD_CODE_NONE;
	const char *sub = s + 2, *dot = memchr(sub, '.', n - 2);
	if (!dot)
		return BD_CODE_NONE;
	const char *det = dot + 1;
	size_t nsub = (size_t)(dot - sub), ndet = (size_t)(s + n - det);
	if (!all_digits(sub, nsub, 3) || !all_digits(det, ndet, 3))
		return BD_CODE_NONE;
	/* No leading zeros beyond a lone 0: "5.01.1" is not a code. */
	if ((nsub > 1 && sub[0] == '0') || (ndet > 1 && det[0] == '0'))
		return BD_CODE_NONE;
	out[0] = cls;
	memcpy(out + 1, s + 1, n - 1);
	out[n] = '\0';
	return cls == 'X' ? BD_CODE_CLASSLESS : BD_CODE_STATUS;
}

size_t bd_code_scan(const char *text, char (*out)[BD_CODE_MAX], size_t max)
{
	size_t n = 0;
	const char *p = text;
	while (p && *p) {
		/* Words end at white space and at the '-' of "550-5.1.1". */
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '-')
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != '-')
			p++;
		char word[64], code[BD_CODE_MAX];
		size_t len = (size_t)(p - w);
		if (len == 0 || len >= sizeof word)
			continue;
		memcpy(word, w, len);
		word[len] = '\0';
		if (bd_code_normalise(word, code) == BD_CODE_NONE)
			continue;
		bool seen = false;
		for (size_t i = 0; i < n && i < max; i++)
			seen = seen || strcmp(out[i], code) == 0;
		if (seen)
			continue;
		if (n < max)
			memcpy(out[n], code, BD_CODE_MAX);
		n++;
	}
	return n;
}

struct emit_ctx {
	struct bd_buf *out;
};

static void emit_line(void *ctx, const char *line, size_t len)
{
	struct emit_ctx *c = ctx;
	bd_buf_add(c->out, line, len);
	bd_buf_addc(c->out, '\n');
}

static void wrap(struct bd_buf *out, const char *text, int width, int indent)
{
	struct emit_ctx c = {out};
	bd_help_wrap(text, width, indent, emit_line, &c);
}

/* "LABEL ID TITLE" wrapped, then the entry's body indented. */
static void group_entry(struct bd_buf *out, const char *lang, int width, const char *name,
			const char *id, bool body)
{
	const struct bd_help_entry *e = bd_help_find(lang, "code", id);
	struct bd_buf line;
	bd_buf_init(&line);
	const char *title = e ? bd_help_field(e, "title") : NULL;
	bd_buf_printf(&line, "%s %s: %s", name, id, e && title ? title : label(lang, "no-entry"));
	wrap(out, line.data, width, 0);
	if (e && body && *e->body)
		wrap(out, e->body, width, 2);
	bd_buf_done(&line);
}

/* "  LABEL: value", wrapped. */
static void field(struct bd_buf *out, int width, const char *name, const char *value)
{
	struct bd_buf line;
	bd_buf_init(&line);
	bd_buf_printf(&line, "%s: %s", name, value);
	wrap(out, line.data, width, 2);
	bd_buf_done(&line);
}

/* What bouncedesk makes of a code of class cls implying reason_id. */
static void reading(struct bd_buf *out, const char *lang, int width, char cls,
		    const char *reason_id, bool permanent, const struct bd_policy *policy)
{
	bd_buf_addc(out, '\n');
	bd_buf_printf(out, "%s:\n", label(lang, "reads"));
	const struct bd_reason *r = reason_id ? bd_reason_get(reason_id) : NULL;
	if (!r) {
		field(out, width, label(lang, "reason"), label(lang, "no-reason"));
	} else {
		const struct bd_help_entry *ce = bd_help_find(lang, "category", r->id);
		const char *name = ce ? bd_help_field(ce, "title") : NULL;
		struct bd_buf v;
		bd_buf_init(&v);
		bd_buf_printf(&v, "%s (%s; %s: %s)", r->id, name ? name : r->label,
			      label(lang, "group"), bd_help_group(lang, r->group));
		field(out, width, label(lang, "reason"), v.data);
		bd_buf_done(&v);
	}
	bool hard = r && r->hard && cls == '5';
	if (r && cls != '2')
		field(out, width, label(lang, "hard"), label(lang, hard ? "hard-yes" : "hard-no"));
	field(out, width, label(lang, "permanent"), label(lang, permanent ? "yes" : "no"));
	if (r && policy) {
		const struct bd_policy_entry *e = bd_policy_for(policy, r);
		char desc[400];
		bd_policy_describe(e, desc, sizeof desc);
		field(out, width, label(lang, "stop-rule"), desc);
		bool softened = r->hard && cls == '4';
		int need = bd_policy_threshold(policy, e, softened);
		if (softened && e->action == BD_POL_STOP && need > 1) {
			char n[16];
			snprintf(n, sizeof n, "%d", need);
			struct bd_buf note;
			bd_buf_init(&note);
			wrap(out, label1(lang, "softened", "n", n, &note), width, 4);
			bd_buf_done(&note);
		}
	}
}

/* The first lines: the code and its title; a code not in the tables says
 * so.  A blank line follows. */
static void heading(struct bd_buf *out, const char *code, const char *title, bool registered,
		    const char *lang, int width)
{
	struct bd_buf line;
	bd_buf_init(&line);
	bd_buf_printf(&line, "%s%s%s", code, title ? " " : "", title ? title : "");
	wrap(out, line.data, width, 0);
	bd_buf_reset(&line);
	if (!registered) {
		label1(lang, "unregistered", "code", code, &line);
		wrap(out, line.data, width, 2);
	}
	bd_buf_done(&line);
	bd_buf_addc(out, '\n');
}

static bool explain_status(struct bd_buf *out, const char *code, bool classless, const char *lang,
			   int width, const struct bd_policy *policy)
{
	int c, s, d;
	char full[BD_CODE_MAX + 2], key[BD_CODE_MAX + 2], id[BD_CODE_MAX + 2];
	/* A class-free code is read as its permanent form. */
	snprintf(full, sizeof full, "%s%s", classless ? "5" : "", code + (classless ? 1 : 0));
	if (!bd_status_split(full, &c, &s, &d))
		return false;
	snprintf(key, sizeof key, "X.%d.%d", s, d);
	const struct bd_status_info *info = bd_status_lookup(full);
	const struct bd_help_entry *e = info ? bd_help_find(lang, "code", key) : NULL;
	const char *title = e ? bd_help_field(e, "title") : NULL;

	heading(out, code, title ? title : info ? info->meaning : NULL, info != NULL, lang, width);

	if (classless) {
		struct bd_buf cl;
		bd_buf_init(&cl);
		bd_buf_printf(&cl, "%s X: %s", label(lang, "class"), label(lang, "any-class"));
		wrap(out, cl.data, width, 0);
		bd_buf_done(&cl);
	} else {
		snprintf(id, sizeof id, "%c.X.X", code[0]);
		group_entry(out, lang, width, label(lang, "class"), id, true);
	}
	snprintf(id, sizeof id, "X.%d.X", s);
	group_entry(out, lang, width, label(lang, "subject"), id, true);
	if (e && *e->body) {
		bd_buf_printf(out, "%s:\n", label(lang, "meaning"));
		wrap(out, e->body, width, 2);
	}
	if (!info)
		return false;
	reading(out, lang, width, (char)('0' + c), info->reason, bd_status_permanent(full), policy);
	if (classless) {
		char temp[BD_CODE_MAX + 2];
		snprintf(temp, sizeof temp, "4%s", code + 1);
		const char *names[] = {"code", "temp"}, *values[] = {full, temp};
		struct bd_buf note;
		bd_buf_init(&note);
		bd_help_subst(label(lang, "as-class5"), &note, names, values, 2);
		wrap(out, note.data, width, 2);
		bd_buf_done(&note);
	}
	return true;
}

static bool explain_reply(struct bd_buf *out, const char *code, const char *lang, int width,
			  const struct bd_policy *policy)
{
	int n = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
	const struct bd_reply_info *info = bd_reply_lookup(n);
	const struct bd_help_entry *e = info ? bd_help_find(lang, "code", code) : NULL;
	const char *title = e ? bd_help_field(e, "title") : NULL;
	char id[8];

	heading(out, code, title ? title : info ? info->meaning : NULL, info != NULL, lang, width);

	snprintf(id, sizeof id, "%cyz", code[0]);
	group_entry(out, lang, width, label(lang, "reply-class"), id, true);
	snprintf(id, sizeof id, "x%cz", code[1]);
	group_entry(out, lang, width, label(lang, "digit"), id, true);
	if (e && *e->body) {
		bd_buf_printf(out, "%s:\n", label(lang, "meaning"));
		wrap(out, e->body, width, 2);
	}
	if (!info)
		return false;
	reading(out, lang, width, code[0], info->reason, code[0] == '5', policy);
	return true;
}

bool bd_explain_code(struct bd_buf *out, const char *code, const char *lang, int width,
		     const struct bd_policy *policy)
{
	char norm[BD_CODE_MAX];
	if (width < 20)
		width = 20;
	switch (bd_code_normalise(code, norm)) {
	case BD_CODE_REPLY:
		return explain_reply(out, norm, lang, width, policy);
	case BD_CODE_STATUS:
		return explain_status(out, norm, false, lang, width, policy);
	case BD_CODE_CLASSLESS:
		return explain_status(out, norm, true, lang, width, policy);
	case BD_CODE_NONE:
		break;
	}
	return false;
}
