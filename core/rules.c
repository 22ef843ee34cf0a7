/* rules.c: loading, ordering and matching classification rules (see rules.h). */
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "paths.h"
#include "str.h"

void bd_ruleset_init(struct bd_ruleset *s)
{
	memset(s, 0, sizeof(*s));
}

static void rule_free(struct bd_rule *r)
{
	free(r->file);
	free(r->id);
	free(r->status);
	free(r->detector);
	free(r->mta_category);
	free(r->command);
	free(r->pattern);
	if (r->re)
		pcre2_code_free(r->re);
	for (size_t i = 0; i < r->nlits; i++)
		free(r->lits[i]);
	free(r->lits);
	free(r->lit_ids);
	free(r->alts);
}

static void litindex_drop(struct bd_ruleset *s);

void bd_ruleset_done(struct bd_ruleset *s)
{
	litindex_drop(s);
	for (size_t i = 0; i < s->n; i++)
		rule_free(&s->v[i]);
	free(s->v);
	if (s->md)
		pcre2_match_data_free(s->md);
	memset(s, 0, sizeof(*s));
}

bool bd_status_match(const char *pattern, const char *status)
{
	if (!status)
		return false;
	/* Component-wise: "*" matches any number; "5.7" matches "5.7.x". */
	const char *p = pattern, *q = status;
	for (;;) {
		const char *pe = strchr(p, '.');
		const char *qe = strchr(q, '.');
		size_t pl = pe ? (size_t)(pe - p) : strlen(p);
		size_t ql = qe ? (size_t)(qe - q) : strlen(q);
		if (!(pl == 1 && *p == '*') && (pl != ql || memcmp(p, q, pl) != 0))
			return false;
		if (!pe)
			return true; /* pattern exhausted: a prefix matches */
		if (!qe)
			return false;
		p = pe + 1;
		q = qe + 1;
	}
}

/* ---- literal pre-filter ---- */

static bool is_quant(char c)
{
	return c == '?' || c == '*' || c == '+' || c == '{';
}

/* The end of the group or class that opens at pat[i], or n. */
static size_t group_end(const char *pat, size_t n, size_t i)
{
	if (pat[i] == '[') {
		size_t j = i + 1;
		if (j < n && pat[j] == '^')
			j++;
		if (j < n && pat[j] == ']')
			j++;
		for (; j < n && pat[j] != ']'; j++) {
			if (pat[j] == '\\')
				j++;
		}
		return j;
	}
	int depth = 0;
	bool cls = false;
	for (size_t j = i; j < n; j++) {
		char d = pat[j];
		if (d == '\\') {
			j++;
			continue;
		}
		if (cls) {
			if (d == ']')
				cls = false;
			continue;
		}
		if (d == '[') {
			cls = true;
			if (j + 1 < n && pat[j + 1] == '^')
				j++;
			if (j + 1 < n && pat[j + 1] == ']')
				j++;
		} else if (d == '(') {
			depth++;
		} else if (d == ')' && --depth == 0) {
			return j;
		}
	}
	return n;
}

/* A literal proven by best_literal: a run longer than this is cut, and
 * any piece of a required run is required too. */
enum { LIT_MAX = 64 };

struct lit {
	char s[LIT_MAX];
	size_t len;
	bool full; /* cut: nothing more joins this run */
};

/* Adds n (1 or 2) bytes of one character to the run, unless it is full. */
static void lit_add(struct lit *l, const char *c, size_t n)
{
	if (l->full || l->len + n > LIT_MAX) {
		l->full = true;
		return;
	}
	memcpy(l->s + l->len, c, n);
	l->len += n;
}

/* The two longest runs of literal bytes an alternative pat[0..n) requires
 * (best, then next), each empty when none can be proven. */
static void best_literal(const char *pat, size_t n, struct lit *best, struct lit *next)
{
	struct lit run = {.len = 0, .full = false};
	best->len = 0;
	next->len = 0;
	size_t i = 0;
#define END_RUN()                                 \
	do {                                      \
		if (run.len > best->len) {        \
			*next = *best;            \
			*best = run;              \
		} else if (run.len > next->len) { \
			*next = run;              \
		}                                 \
		run.len = 0;                      \
		run.full = false;                 \
	} while (0)
	while (i < n) {
		char c = pat[i];
		char lit = 0;
		size_t adv = 1;
		if (c == '\\') {
			if (i + 1 >= n)
				break;
			char e = pat[i + 1];
			adv = 2;
			if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
			    (e >= '0' && e <= '9')) {
				/* A class, an assertion or a character given by number
				 * ("\\x41", "\\101", "\\cA"): its arguments are no text. */
				END_RUN();
				i += adv;
				if (e == 'c' && i < n) {
					i++;
				} else if (e == 'x' || e == 'o' || (e >= '0' && e <= '9')) {
					while (i < n &&
					       ((pat[i] >= '0' && pat[i] <= '9') ||
						(e == 'x' && ((pat[i] >= 'a' && pat[i] <= 'f') ||
							      (pat[i] >= 'A' && pat[i] <= 'F')))))
						i++;
				}
				continue;
			}
			lit = e;
		} else if (c == '(' || c == '[') {
			END_RUN();
			/* Skip the group or class entirely: its content proves nothing
			 * here (required() looks inside a group that must match). */
			i = group_end(pat, n, i) + 1;
			continue;
		} else if (c == '{') {
			/* A counted repeat "{m,n}": its digits are not text. */
			END_RUN();
			const char *close = memchr(pat + i, '}', n - i);
			i = close ? (size_t)(close - pat) + 1 : i + 1;
			continue;
		} else if (c == '.' || c == '^' || c == '$' || c == '|' || c == ')' ||
			   is_quant(c)) {
			END_RUN();
			i++;
			continue;
		} else if ((unsigned char)c >= 0xC2 && (unsigned char)c < 0xE0 && i + 1 < n &&
			   ((unsigned char)pat[i + 1] & 0xC0) == 0x80) {
			/* A two-byte UTF-8 letter: folded as the text is
			 * (bd_fold_case), unless a quantifier makes it optional. */
			char q = i + 2 < n ? pat[i + 2] : 0;
			if (q == '?' || q == '*' || q == '{') {
				END_RUN();
			} else {
				char two[2] = {c, pat[i + 1]};
				bd_fold_case(two, 2);
				lit_add(&run, two, 2);
				if (q == '+')
					END_RUN();
			}
			i += 2;
			continue;
		} else {
			lit = c;
		}
		/* A quantifier after this character makes it optional or repeated. */
		char q = i + adv < n ? pat[i + adv] : 0;
		if (q == '?' || q == '*' ||
		    (q == '{' && i + adv + 1 < n && pat[i + adv + 1] == '0')) {
			END_RUN();
		} else if (q == '+' || q == '{') {
			char low = bd_lower(lit);
			lit_add(&run, &low, 1);
			END_RUN();
		} else {
			char low = bd_lower(lit);
			lit_add(&run, &low, 1);
		}
		i += adv;
	}
	END_RUN();
#undef END_RUN
}

/* A set of literals of which a text that matches must hold one. */
struct litset {
	char **v;
	size_t n;
};

static void litset_free(struct litset *ls)
{
	for (size_t k = 0; k < ls->n; k++)
		free(ls->v[k]);
	free(ls->v);
	ls->v = NULL;
	ls->n = 0;
}

/* The shortest literal of a set: how much the set proves. */
static size_t litset_quality(const struct litset *ls)
{
	size_t q = ls->n ? SIZE_MAX : 0;
	for (size_t k = 0; k < ls->n; k++) {
		size_t len = strlen(ls->v[k]);
		q = len < q ? len : q;
	}
	return q;
}

static bool alternatives(const char *pat, size_t n, int depth, struct litset *out);

static struct litset litset_one(const struct lit *l)
{
	struct litset ls = {bd_xmalloc(sizeof(char *)), 1};
	ls.v[0] = bd_xstrndup(l->s, l->len);
	return ls;
}

/* Keeps g among the two best sets so far (*a better than *b): more proven
 * bytes first, then fewer literals. */
static void keep_best(struct litset *a, struct litset *b, struct litset g)
{
	size_t qg = litset_quality(&g);
	if (qg < 3) {
		litset_free(&g);
		return;
	}
	size_t qa = litset_quality(a), qb = litset_quality(b);
	if (qg > qa || (qg == qa && g.n < a->n)) {
		litset_free(b);
		*b = *a;
		*a = g;
	} else if (qg > qb || (qg == qb && g.n < b->n)) {
		litset_free(b);
		*b = g;
	} else {
		litset_free(&g);
	}
}

/* What one alternative pat[0..n) (no '|' at its top level) requires: its
 * literal runs and, where a group must match, one of the literals its own
 * alternatives require ("(account|mailbox) closed" requires "account" or
 * "mailbox", and " closed").  *out is the set that proves most; *also,
 * when next is given, the next best, required as well (else empty). */
static bool required(const char *pat, size_t n, int depth, struct litset *out, struct litset *also)
{
	struct lit best, next;
	best_literal(pat, n, &best, &next);
	struct litset a = {NULL, 0}, b = {NULL, 0};
	if (best.len >= 3)
		keep_best(&a, &b, litset_one(&best));
	if (next.len >= 3)
		keep_best(&a, &b, litset_one(&next));
	for (size_t i = 0; depth < 4 && i < n; i++) {
		if (pat[i] == '\\') {
			i++;
			continue;
		}
		if (pat[i] == '[') {
			i = group_end(pat, n, i);
			continue;
		}
		if (pat[i] != '(')
			continue;
		size_t e = group_end(pat, n, i);
		if (e >= n)
			break;
		char q = e + 1 < n ? pat[e + 1] : 0;
		bool optional =
			q == '?' || q == '*' || (q == '{' && e + 2 < n && pat[e + 2] == '0');
		size_t body = i + 1;
		bool plain = pat[body] != '?';
		if (!plain && body + 1 < e && pat[body + 1] == ':') {
			plain = true;
			body += 2;
		}
		if (!optional && plain) {
			struct litset g;
			if (alternatives(pat + body, e - body, depth + 1, &g))
				keep_best(&a, &b, g);
		}
		i = e;
	}
	*out = a;
	if (also)
		*also = b;
	else
		litset_free(&b);
	return out->n > 0;
}

/* Where the alternative of pat[0..n) that starts at start ends: at the
 * next top-level '|', or n. */
static size_t alt_end(const char *pat, size_t n, size_t start)
{
	size_t i = start;
	while (i < n && pat[i] != '|') {
		if (pat[i] == '\\')
			i++;
		else if (pat[i] == '(' || pat[i] == '[')
			i = group_end(pat, n, i);
		i++;
	}
	return i < n ? i : n;
}

/* Splits pat[0..n) at its top-level '|'; every alternative must require a
 * literal, and the set is all of them. */
static bool alternatives(const char *pat, size_t n, int depth, struct litset *out)
{
	out->v = NULL;
	out->n = 0;
	for (size_t start = 0; start <= n;) {
		size_t end = alt_end(pat, n, start);
		struct litset one;
		if (!required(pat + start, end - start, depth, &one, NULL) ||
		    out->n + one.n > 256) {
			litset_free(&one);
			litset_free(out);
			return false;
		}
		out->v = bd_xrealloc(out->v, (out->n + one.n) * sizeof(*out->v));
		memcpy(out->v + out->n, one.v, one.n * sizeof(*one.v));
		out->n += one.n;
		free(one.v);
		start = end + 1;
	}
	return out->n > 0;
}

/* Appends ls's literals to r's, taking them over. */
static unsigned take_lits(struct bd_rule *r, struct litset *ls)
{
	unsigned at = (unsigned)r->nlits;
	r->lits = bd_xrealloc(r->lits, (r->nlits + ls->n + 1) * sizeof(*r->lits));
	if (ls->n) /* an empty set may have no array at all */
		memcpy(r->lits + r->nlits, ls->v, ls->n * sizeof(*ls->v));
	r->nlits += ls->n;
	free(ls->v);
	ls->v = NULL;
	ls->n = 0;
	return at;
}

/* Records what every match of r's pattern holds: for one of its top-level
 * alternatives, one literal of the set that proves most and, when the
 * alternative proves a second thing, one of that set's too.  Leaves nlits
 * 0 (no pre-filter) when some alternative proves no literal of at least 3
 * bytes. */
static void rule_literals(struct bd_rule *r)
{
	const char *p = r->pattern;
	size_t n = strlen(p);
	if (strstr(p, "\\Q") || strstr(p, "(?x") || strstr(p, "(*"))
		return;
	for (size_t start = 0; start <= n;) {
		size_t end = alt_end(p, n, start);
		struct litset a, b;
		if (!required(p + start, end - start, 0, &a, &b) || r->nlits + a.n + b.n > 512) {
			litset_free(&a);
			litset_free(&b);
			for (size_t k = 0; k < r->nlits; k++)
				free(r->lits[k]);
			free(r->lits);
			free(r->alts);
			r->lits = NULL;
			r->alts = NULL;
			r->nlits = r->nalts = 0;
			return;
		}
		r->alts = bd_xrealloc(r->alts, (r->nalts + 1) * sizeof(*r->alts));
		struct bd_lit_alt *alt = &r->alts[r->nalts++];
		alt->nfirst = (unsigned short)a.n;
		alt->first = (unsigned short)take_lits(r, &a);
		alt->nsecond = (unsigned short)b.n;
		alt->second = (unsigned short)take_lits(r, &b);
		start = end + 1;
	}
}

/* ---- parsing ---- */

static bool parse_reply(const char *v, int *lo, int *hi)
{
	/* "550", "5xx", "55x" */
	if (strlen(v) != 3 || v[0] < '2' || v[0] > '5')
		return false;
	int l = 0, h = 0;
	for (int i = 0; i < 3; i++) {
		if (v[i] >= '0' && v[i] <= '9') {
			l = l * 10 + (v[i] - '0');
			h = h * 10 + (v[i] - '0');
		} else if (v[i] == 'x' || v[i] == 'X') {
			l = l * 10;
			h = h * 10 + 9;
		} else {
			return false;
		}
	}
	*lo = l;
	*hi = h;
	return true;
}

static bool valid_status_pattern(const char *v)
{
	int parts = 0;
	const char *p = v;
	while (*p) {
		const char *e = strchr(p, '.');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == 0 || l > 3)
			return false;
		if (!(l == 1 && *p == '*')) {
			for (size_t i = 0; i < l; i++) {
				if (p[i] < '0' || p[i] > '9')
					return false;
			}
		}
		parts++;
		if (!e)
			break;
		p = e + 1;
	}
	return parts >= 1 && parts <= 3 &&
	       (v[0] == '2' || v[0] == '4' || v[0] == '5' || v[0] == '*');
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Compiles r's pattern; name is its file as the user gave it. */
static bool compile_pattern(struct bd_rule *r, const char *name, struct bd_error *err)
{
	int ec;
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF | (r->caseless ? PCRE2_CASELESS : 0);
	r->re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &off, NULL);
	if (!r->re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof(msg));
		r->broken = true;
		return bd_error_set(err, BD_ERR_REGEX, "%s:%d: bad pattern at offset %zu: %s", name,
				    r->line, (size_t)off, (const char *)msg);
	}
	return true;
}

/* A new rule's pattern: its pre-filter literals now, and the compiled
 * pattern now, or on first use for a trusted text. */
static bool compile_rule(struct bd_ruleset *s, struct bd_rule *r, const char *name,
			 struct bd_error *err)
{
	rule_literals(r);
	return s->trusted || compile_pattern(r, name, err);
}

static struct bd_rule *rule_new(struct bd_ruleset *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = bd_xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	litindex_drop(s);
	struct bd_rule *r = &s->v[s->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

static bool parse_line(struct bd_ruleset *s, const char *name, int lineno, char *line,
		       struct bd_error *err)
{
	char *p = bd_str_trim(line);
	if (!*p || *p == '#')
		return true;
	/* The pattern runs from the first " /" to the last '/'. */
	char *pat = NULL, *flags = NULL;
	char *slash = (*p == '/') ? p : strstr(p, " /");
	if (!slash)
		slash = strstr(p, "\t/");
	if (slash) {
		if (*slash != '/')
			slash++;
		char *last = strrchr(slash, '/');
		if (last == slash)
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: pattern has no closing '/'",
					    name, lineno);
		*slash = '\0';
		*last = '\0';
		pat = slash + 1;
		flags = last + 1;
		if (!*pat)
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: empty pattern", name,
					    lineno);
	}
	char *save = NULL;
	char *word = strtok_r(p, " \t", &save);
	if (!word)
		return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: no category", name, lineno);
	if (strcmp(word, "disable") == 0) {
		char *id = strtok_r(NULL, " \t", &save);
		if (!id || strtok_r(NULL, " \t", &save) || pat)
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: usage: disable RULE-ID",
					    name, lineno);
		bool found = false;
		for (size_t i = 0; i < s->n; i++) {
			if (s->v[i].id && strcmp(s->v[i].id, id) == 0) {
				s->v[i].disabled = true;
				found = true;
			}
		}
		if (!found)
			return bd_error_set(err, BD_ERR_SYNTAX,
					    "%s:%d: no earlier rule with id '%s'", name, lineno,
					    id);
		return true;
	}
	const struct bd_reason *cat = bd_reason_get(word);
	if (!cat)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: unknown category '%s' (see 'bouncedesk rules list')",
				    name, lineno, word);
	struct bd_rule *r = rule_new(s);
	r->category = cat;
	r->file = bd_xstrdup(basename_of(name));
	r->line = lineno;
	r->caseless = true;
	r->order = (int)s->n;
	while ((word = strtok_r(NULL, " \t", &save))) {
		char *eq = strchr(word, '=');
		if (!eq) {
			s->n--;
			rule_free(r);
			return bd_error_set(
				err, BD_ERR_SYNTAX,
				"%s:%d: '%s' is not KEY=VALUE (a pattern is written /.../)", name,
				lineno, word);
		}
		*eq = '\0';
		const char *v = eq + 1;
		bool ok = *v != '\0';
		if (strcmp(word, "status") == 0) {
			ok = ok && valid_status_pattern(v);
			if (ok)
				r->status = bd_xstrdup(v);
		} else if (strcmp(word, "reply") == 0) {
			ok = ok && parse_reply(v, &r->reply_lo, &r->reply_hi);
		} else if (strcmp(word, "command") == 0) {
			static const char *const cmds[] = {"CONN", "HELO",  "MAIL", "RCPT",
							   "DATA", "LOCAL", NULL};
			bool known = false;
			for (size_t k = 0; cmds[k]; k++)
				known = known || strcmp(v, cmds[k]) == 0;
			ok = ok && known;
			if (ok)
				r->command = bd_xstrdup(v);
		} else if (strcmp(word, "address") == 0) {
			ok = ok && (strcmp(v, "judged") == 0 || strcmp(v, "unjudged") == 0);
			r->address = strcmp(v, "judged") == 0 ? 1 : -1;
		} else if (strcmp(word, "detector") == 0) {
			r->detector = ok ? bd_xstrdup(v) : NULL;
		} else if (strcmp(word, "mta-category") == 0) {
			r->mta_category = ok ? bd_str_lower(bd_xstrdup(v)) : NULL;
		} else if (strcmp(word, "priority") == 0) {
			char *end;
			long pr = strtol(v, &end, 10);
			ok = ok && !*end && pr >= -1000 && pr <= 1000;
			r->priority = (int)pr;
		} else if (strcmp(word, "id") == 0) {
			r->id = ok ? bd_xstrdup(v) : NULL;
		} else {
			s->n--;
			rule_free(r);
			return bd_error_set(err, BD_ERR_SYNTAX,
					    "%s:%d: unknown key '%s' (status, reply, command, "
					    "address, detector, mta-category, priority, id)",
					    name, lineno, word);
		}
		if (!ok) {
			s->n--;
			rule_free(r);
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: bad value for %s: '%s'",
					    name, lineno, word, v);
		}
	}
	if (flags) {
		for (const char *f = flags; *f; f++) {
			if (*f == 'c') {
				r->caseless = false;
			} else if (*f == 'i') {
				r->caseless = true;
			} else if (!bd_isspace(*f)) {
				s->n--;
				rule_free(r);
				return bd_error_set(err, BD_ERR_SYNTAX,
						    "%s:%d: unknown pattern flag '%c' (i or c)",
						    name, lineno, *f);
			}
		}
	}
	if (!pat && !r->status && !r->reply_lo && !r->detector && !r->mta_category) {
		s->n--;
		rule_free(r);
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: a rule needs a /pattern/, status=, reply=, "
				    "detector= or mta-category=",
				    name, lineno);
	}
	if (pat) {
		r->pattern = bd_xstrdup(pat);
		if (!compile_rule(s, r, name, err)) {
			s->n--;
			rule_free(r);
			return false;
		}
	}
	return true;
}

bool bd_ruleset_add_text(struct bd_ruleset *s, const char *name, const char *text, size_t len,
			 struct bd_error *err)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	int lineno = 0;
	struct bd_buf b;
	bd_buf_init(&b);
	bool ok = true;
	while (ok && bd_next_line(text, len, &pos, &line, &llen)) {
		lineno++;
		bd_buf_reset(&b);
		bd_buf_add(&b, line, llen);
		if (memchr(line, '\0', llen))
			ok = bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: NUL byte in rule file", name,
					  lineno);
		else
			ok = parse_line(s, name, lineno, b.data, err);
	}
	bd_buf_done(&b);
	s->nfiles++;
	return ok;
}

bool bd_ruleset_add_file(struct bd_ruleset *s, const char *path, struct bd_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return bd_error_set(err, BD_ERR_IO, "%s: %s", path, strerror(errno));
	struct bd_buf b;
	bd_buf_init(&b);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		bd_buf_add(&b, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	bool ok = bad ? bd_error_set(err, BD_ERR_IO, "%s: read error", path) :
			bd_ruleset_add_text(s, path, b.data ? b.data : "", b.len, err);
	bd_buf_done(&b);
	return ok;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool bd_ruleset_add_dir(struct bd_ruleset *s, const char *dir, struct bd_error *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return true; /* no directory, no rules */
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 7 || strcmp(e->d_name + l - 6, ".rules") != 0)
			continue;
		names = bd_xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = bd_xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		if (ok) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			ok = bd_ruleset_add_file(s, path, err);
		}
		free(names[i]);
	}
	free(names);
	return ok;
}

bool bd_ruleset_add_trusted(struct bd_ruleset *s, const char *name, const char *text, size_t len,
			    struct bd_error *err)
{
	s->trusted = true;
	bool ok = bd_ruleset_add_text(s, name, text, len, err);
	s->trusted = false;
	return ok;
}

bool bd_ruleset_add_default(struct bd_ruleset *s, struct bd_error *err)
{
	return bd_ruleset_add_trusted(s, "default.rules", bd_default_rules, bd_default_rules_len,
				      err);
}

bool bd_ruleset_compile_all(struct bd_ruleset *s, struct bd_error *err)
{
	for (size_t i = 0; i < s->n; i++) {
		struct bd_rule *r = &s->v[i];
		if (r->pattern && !r->re && !compile_pattern(r, r->file, err))
			return false;
	}
	return true;
}

/* Evaluation order: priority, then scope specificity, then later files
 * first, then line order. */
static int specificity(const struct bd_rule *r)
{
	/* address= is a condition on the evidence, not a narrower scope: a
	 * rule that asks it keeps its place among its neighbours. */
	return (r->detector != NULL || r->mta_category != NULL) * 8 + (r->command != NULL) * 4 +
	       (r->status != NULL) * 2 + (r->reply_lo != 0);
}

static int cmp_rules(const void *a, const void *b)
{
	const struct bd_rule *x = a, *y = b;
	if (x->priority != y->priority)
		return y->priority - x->priority;
	if (specificity(x) != specificity(y))
		return specificity(y) - specificity(x);
	return x->order - y->order;
}

void bd_ruleset_finish(struct bd_ruleset *s)
{
	litindex_drop(s);
	/* Later files should win ties: renumber so that file order is reversed
	 * while line order inside a file is kept. */
	size_t start = 0;
	int group = 0;
	for (size_t i = 0; i <= s->n; i++) {
		if (i == s->n || (i > start && strcmp(s->v[i].file, s->v[start].file) != 0)) {
			for (size_t k = start; k < i; k++)
				s->v[k].order = (int)(k - start) - group * 1000000;
			group++;
			start = i;
		}
	}
	size_t w = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].disabled)
			rule_free(&s->v[i]);
		else
			s->v[w++] = s->v[i];
	}
	s->n = w;
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), cmp_rules);
	if (!s->md)
		s->md = pcre2_match_data_create(4, NULL);
}

bool bd_ruleset_load_standard(struct bd_ruleset *s, char *const *extra, size_t nextra,
			      struct bd_error *err)
{
	if (!bd_ruleset_add_default(s, err))
		return false;
	char path[4096];
	if (!bd_ruleset_add_dir(s, bd_path_sysconf(path, sizeof(path), "rules.d"), err))
		return false;
	if (bd_path_userconf(path, sizeof(path), "rules.d") && !bd_ruleset_add_dir(s, path, err))
		return false;
	for (size_t i = 0; i < nextra; i++) {
		if (!bd_ruleset_add_file(s, extra[i], err))
			return false;
	}
	bd_ruleset_finish(s);
	return true;
}

static bool scope_ok(const struct bd_rule *r, const struct bd_rule_input *in)
{
	if (r->status && !bd_status_match(r->status, in->status))
		return false;
	if (r->reply_lo) {
		int code = in->reply ? atoi(in->reply) : 0;
		if (code < r->reply_lo || code > r->reply_hi)
			return false;
	}
	if (r->detector && (!in->detector || strcmp(r->detector, in->detector) != 0))
		return false;
	if (r->command && (!in->command || strcmp(r->command, in->command) != 0))
		return false;
	if (r->mta_category &&
	    (!in->mta_category || strcmp(r->mta_category, in->mta_category) != 0))
		return false;
	if (r->address && (r->address > 0) != in->address_judged)
		return false;
	return true;
}

/* ---- the literal index ----
 *
 * Every rule's pre-filter literals (all lower-case, at least 3 bytes), each
 * distinct literal once, chained by a hash of its first 3 bytes.  One pass
 * over a text looks up the hash at each byte and so finds every literal it
 * holds; each literal found marks the rules that use it as candidates.  A
 * rule is tried only when it is a candidate: its pattern cannot match
 * otherwise. */
enum { TRI_BITS = 12, TRI_SIZE = 1 << TRI_BITS, LIT_NONE = 0xffff, LIT_MAXN = 0xfffe };

struct bd_litindex {
	const char **lit; /* the rules' own strings */
	unsigned short *len;
	uint16_t *next;
	size_t n;
	uint16_t head[TRI_SIZE];
	uint32_t *user_start, *users; /* rules of literal k: users[user_start[k]..[k+1]) */
	size_t words;                 /* uint64_t words of a bit set over the rules */
	uint64_t *always;             /* rules without literals: always candidates */
	uint64_t *cand;               /* candidates for the text of generation gen */
	uint64_t *found;              /* literals found in that text */
};

static unsigned tri(const char *p)
{
	uint32_t v = (uint32_t)(unsigned char)p[0] | (uint32_t)(unsigned char)p[1] << 8 |
		     (uint32_t)(unsigned char)p[2] << 16;
	return (v * 2654435761u) >> (32 - TRI_BITS);
}

static void litindex_drop(struct bd_ruleset *s)
{
	struct bd_litindex *x = s->idx;
	if (!x)
		return;
	free(x->lit);
	free(x->len);
	free(x->next);
	free(x->user_start);
	free(x->users);
	free(x->always);
	free(x->cand);
	free(x->found);
	free(x);
	s->idx = NULL;
}

static void set_bit(uint64_t *set, size_t i)
{
	set[i / 64] |= (uint64_t)1 << (i % 64);
}

static bool get_bit(const uint64_t *set, size_t i)
{
	return (set[i / 64] >> (i % 64)) & 1;
}

/* The number of literal lit (len bytes) in x, added if new; LIT_NONE when
 * the index is full. */
static unsigned litindex_add(struct bd_litindex *x, const char *lit, size_t len)
{
	unsigned h = tri(lit);
	for (unsigned k = x->head[h]; k != LIT_NONE; k = x->next[k]) {
		if (x->len[k] == len && memcmp(x->lit[k], lit, len) == 0)
			return k;
	}
	if (x->n >= LIT_MAXN || len > USHRT_MAX)
		return LIT_NONE;
	unsigned k = (unsigned)x->n++;
	x->lit[k] = lit;
	x->len[k] = (unsigned short)len;
	x->next[k] = x->head[h];
	x->head[h] = (uint16_t)k;
	return k;
}

static struct bd_litindex *litindex_build(struct bd_ruleset *s)
{
	struct bd_litindex *x = bd_xcalloc(1, sizeof(*x));
	size_t total = 0;
	for (size_t i = 0; i < s->n; i++)
		total += s->v[i].nlits;
	size_t cap = total ? total : 1;
	x->lit = bd_xcalloc(cap, sizeof(*x->lit));
	x->len = bd_xcalloc(cap, sizeof(*x->len));
	x->next = bd_xcalloc(cap, sizeof(*x->next));
	memset(x->head, 0xff, sizeof(x->head));
	x->words = s->n / 64 + 1;
	x->always = bd_xcalloc(x->words, sizeof(uint64_t));
	x->cand = bd_xcalloc(x->words, sizeof(uint64_t));
	unsigned *count = NULL;
	for (size_t i = 0; i < s->n; i++) {
		struct bd_rule *r = &s->v[i];
		free(r->lit_ids);
		r->lit_ids = r->nlits ? bd_xcalloc(r->nlits, sizeof(*r->lit_ids)) : NULL;
		bool indexed = r->nlits > 0;
		for (size_t k = 0; k < r->nlits; k++) {
			r->lit_ids[k] = litindex_add(x, r->lits[k], strlen(r->lits[k]));
			indexed = indexed && r->lit_ids[k] != LIT_NONE;
		}
		/* A rule with a literal the index could not take is always tried. */
		if (!indexed)
			set_bit(x->always, i);
	}
	x->found = bd_xcalloc(x->n / 64 + 1, sizeof(uint64_t));
	/* A rule is a candidate when a text holds one of the literals of some
	 * alternative's first set; pattern_ok checks the rest. */
	count = bd_xcalloc(x->n + 1, sizeof(*count));
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < s->n; i++) {
			const struct bd_rule *r = &s->v[i];
			for (size_t a = 0; a < r->nalts; a++) {
				for (size_t k = r->alts[a].first;
				     k < (size_t)r->alts[a].first + r->alts[a].nfirst; k++) {
					unsigned id = r->lit_ids[k];
					if (id == LIT_NONE)
						continue;
					if (pass == 0)
						count[id]++;
					else
						x->users[x->user_start[id] + count[id]++] =
							(uint32_t)i;
				}
			}
		}
		if (pass == 0) {
			x->user_start = bd_xcalloc(x->n + 1, sizeof(*x->user_start));
			for (size_t k = 0; k < x->n; k++)
				x->user_start[k + 1] = x->user_start[k] + count[k];
			x->users = bd_xcalloc(x->user_start[x->n] + 1, sizeof(*x->users));
			memset(count, 0, (x->n + 1) * sizeof(*count));
		}
	}
	free(count);
	return x;
}

/* Finds the literals in->lower holds and so the candidate rules. */
static void litindex_scan(struct bd_ruleset *s, struct bd_rule_input *in)
{
	if (!s->idx)
		s->idx = litindex_build(s);
	struct bd_litindex *x = s->idx;
	memcpy(x->cand, x->always, x->words * sizeof(uint64_t));
	memset(x->found, 0, (x->n / 64 + 1) * sizeof(uint64_t));
	const char *t = in->lower;
	size_t len = t ? in->len : 0;
	for (size_t i = 0; i + 3 <= len; i++) {
		for (unsigned k = x->head[tri(t + i)]; k != LIT_NONE; k = x->next[k]) {
			const char *l = x->lit[k];
			if (x->len[k] > len - i || t[i] != l[0] || t[i + 1] != l[1] ||
			    t[i + 2] != l[2] || get_bit(x->found, k) ||
			    memcmp(t + i + 3, l + 3, x->len[k] - 3u) != 0)
				continue;
			set_bit(x->found, k);
			for (uint32_t u = x->user_start[k]; u < x->user_start[k + 1]; u++)
				set_bit(x->cand, x->users[u]);
		}
	}
	in->gen = ++s->gen;
	if (!in->gen)
		in->gen = s->gen = 1;
}

/* Does the text hold one of lits[from..from+n) (a literal the index could
 * not take counts as held)? */
static bool any_found(const struct bd_litindex *x, const struct bd_rule *r, size_t from, size_t n)
{
	for (size_t k = from; k < from + n; k++) {
		if (r->lit_ids[k] == LIT_NONE || get_bit(x->found, r->lit_ids[k]))
			return true;
	}
	return false;
}

/* Does the text hold what some alternative of r's pattern requires? */
static bool alts_ok(const struct bd_litindex *x, const struct bd_rule *r)
{
	for (size_t a = 0; a < r->nalts; a++) {
		const struct bd_lit_alt *alt = &r->alts[a];
		if (any_found(x, r, alt->first, alt->nfirst) &&
		    (!alt->nsecond || any_found(x, r, alt->second, alt->nsecond)))
			return true;
	}
	return r->nalts == 0;
}

/* Interpreted runs of a pattern before it is JIT-compiled. */
enum { JIT_AFTER_RUNS = 8 };

static bool pattern_ok(struct bd_ruleset *s, struct bd_rule *r, const struct bd_rule_input *in)
{
	if (!r->pattern)
		return true;
	if (!in->text || !in->len)
		return false;
	if (!get_bit(s->idx->cand, (size_t)(r - s->v)) || !alts_ok(s->idx, r))
		return false;
	if (!r->re && (r->broken || !compile_pattern(r, r->file, NULL)))
		return false;
	if (!r->jit_tried && ++r->runs >= JIT_AFTER_RUNS) {
		/* JIT once a pattern has proved hot: JIT-compiling costs as much
		 * as dozens of interpreted runs, which a process that classifies
		 * one bounce never makes up. */
		pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
		r->jit_tried = true;
	}
	int rc = pcre2_match(r->re, (PCRE2_SPTR)in->text, in->len, 0, 0, s->md, NULL);
	return rc >= 0;
}

const struct bd_rule *bd_ruleset_match(struct bd_ruleset *s, struct bd_rule_input *in,
				       bd_rule_cb cb, void *ctx)
{
	const struct bd_rule *first = NULL;
	if (!s->idx || in->gen != s->gen)
		litindex_scan(s, in);
	for (size_t i = 0; i < s->n; i++) {
		struct bd_rule *r = &s->v[i];
		if ((in->pass == BD_RULES_STRONG && r->priority < 0) ||
		    (in->pass == BD_RULES_WEAK && r->priority >= 0))
			continue;
		if (!scope_ok(r, in) || !pattern_ok(s, r, in))
			continue;
		if (!first)
			first = r;
		if (!cb || !cb(ctx, r))
			break;
	}
	return first;
}
