/* keymap.c: key names and the binding tables (see keymap.h).  The default
 * bindings live here as one table; `bind` lines change a copy of it. */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "textfmt.h"

static const struct {
	const char *name;
	bd_key key;
} key_names[] = {
	/* The first name of a key is the one bd_key_format writes. */
	{"Tab", BD_KEY_TAB},
	{"Enter", BD_KEY_ENTER},
	{"Return", BD_KEY_ENTER},
	{"Esc", BD_KEY_ESC},
	{"Escape", BD_KEY_ESC},
	{"Space", BD_KEY_SPACE},
	{"Backspace", BD_KEY_BACKSPACE},
	{"BS", BD_KEY_BACKSPACE},
	{"Hash", '#'},
	{"lt", '<'},
	{"Up", BD_KEY_UP},
	{"Down", BD_KEY_DOWN},
	{"Left", BD_KEY_LEFT},
	{"Right", BD_KEY_RIGHT},
	{"PgUp", BD_KEY_PGUP},
	{"PageUp", BD_KEY_PGUP},
	{"PgDn", BD_KEY_PGDN},
	{"PageDown", BD_KEY_PGDN},
	{"Home", BD_KEY_HOME},
	{"End", BD_KEY_END},
	{"Insert", BD_KEY_INSERT},
	{"Ins", BD_KEY_INSERT},
	{"Delete", BD_KEY_DELETE},
	{"Del", BD_KEY_DELETE},
	{"BackTab", BD_KEY_BTAB},
	{"S-Tab", BD_KEY_BTAB},
	{"Resize", BD_KEY_RESIZE},
	{"Mouse", BD_KEY_MOUSE},
};

#define NKEYNAMES (sizeof(key_names) / sizeof(key_names[0]))

/* "d", "D", "[", "@" ... after "C-" or "^": the control key, or 0. */
static bd_key ctrl_key(const char *s)
{
	if (!s[0] || s[1])
		return 0;
	char c = s[0];
	if (c >= 'a' && c <= 'z')
		return BD_KEY_CTRL(c);
	if ((c >= '@' && c <= '_') && c != '@')
		return BD_KEY_CTRL(c);
	if (c == '?')
		return BD_KEY_BACKSPACE;
	return 0;
}

static bool named_key(const char *s, size_t len, bd_key *out)
{
	char name[32];
	if (len == 0 || len >= sizeof(name))
		return false;
	memcpy(name, s, len);
	name[len] = '\0';
	for (size_t i = 0; i < NKEYNAMES; i++) {
		if (bd_streq_ci(name, key_names[i].name)) {
			*out = key_names[i].key;
			return true;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		int n = name[1] - '0';
		if (name[2] >= '0' && name[2] <= '9' && !name[3])
			n = n * 10 + (name[2] - '0');
		else if (name[2])
			return false;
		if (n >= 1 && n <= 12) {
			*out = BD_KEY_F(n);
			return true;
		}
		return false;
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		bd_key k = ctrl_key(name + 2);
		if (k) {
			*out = k;
			return true;
		}
	}
	return false;
}

bool bd_key_parse(const char *s, bd_key *out)
{
	size_t len = strlen(s);
	if (len == 0)
		return false;
	if (len > 2 && s[0] == '<' && s[len - 1] == '>')
		return named_key(s + 1, len - 2, out);
	if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		bd_key k = ctrl_key(s + 2);
		if (k) {
			*out = k;
			return true;
		}
		return false;
	}
	if (len == 2 && s[0] == '^') {
		bd_key k = ctrl_key(s + 1);
		if (k) {
			*out = k;
			return true;
		}
		return false;
	}
	uint32_t cp;
	size_t n = bd_utf8_decode(s, len, &cp);
	if (n != len || cp == 0xFFFD || cp == ' ' || bd_wcwidth(cp) < 1)
		return false;
	*out = cp;
	return true;
}

const char *bd_key_format(bd_key k, char *buf, size_t n)
{
	for (size_t i = 0; i < NKEYNAMES; i++) {
		/* '#' and '<' are written as themselves where they are clear. */
		if (key_names[i].key == k && k != '#' && k != '<') {
			snprintf(buf, n, "<%s>", key_names[i].name);
			return buf;
		}
	}
	if (k >= BD_KEY_F1 && k <= BD_KEY_F12) {
		snprintf(buf, n, "<F%u>", (unsigned)(k - BD_KEY_F1 + 1));
	} else if (k >= 1 && k < 0x20) {
		snprintf(buf, n, "C-%c", (char)(k + 0x60 < 0x7b ? k + 0x60 : k + 0x40));
	} else if (k > 0x20 && k < 0x110000 && bd_wcwidth(k) >= 1) {
		char u[5] = "";
		u[bd_utf8_encode(k, u)] = '\0';
		snprintf(buf, n, "%s", u);
	} else {
		snprintf(buf, n, "<U+%04X>", (unsigned)k);
	}
	return buf;
}

/* The default bindings.  Movement, help, quitting and the views reachable
 * from anywhere are global; each screen adds its own keys. */
static const struct {
	enum bd_context ctx;
	bd_key key;
	enum bd_action action;
} default_bindings[] = {
	{BD_CTX_GLOBAL, 'k', BD_ACT_MOVE_UP},
	{BD_CTX_GLOBAL, BD_KEY_UP, BD_ACT_MOVE_UP},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('p'), BD_ACT_MOVE_UP},
	{BD_CTX_GLOBAL, 'j', BD_ACT_MOVE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_DOWN, BD_ACT_MOVE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('n'), BD_ACT_MOVE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_PGUP, BD_ACT_PAGE_UP},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('b'), BD_ACT_PAGE_UP},
	{BD_CTX_GLOBAL, '-', BD_ACT_PAGE_UP},
	{BD_CTX_GLOBAL, BD_KEY_PGDN, BD_ACT_PAGE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('f'), BD_ACT_PAGE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_SPACE, BD_ACT_PAGE_DOWN},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('u'), BD_ACT_HALF_PAGE_UP},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('d'), BD_ACT_HALF_PAGE_DOWN},
	{BD_CTX_GLOBAL, 'g', BD_ACT_MOVE_TOP},
	{BD_CTX_GLOBAL, BD_KEY_HOME, BD_ACT_MOVE_TOP},
	{BD_CTX_GLOBAL, '<', BD_ACT_MOVE_TOP},
	{BD_CTX_GLOBAL, 'G', BD_ACT_MOVE_BOTTOM},
	{BD_CTX_GLOBAL, BD_KEY_END, BD_ACT_MOVE_BOTTOM},
	{BD_CTX_GLOBAL, '>', BD_ACT_MOVE_BOTTOM},
	{BD_CTX_GLOBAL, 'q', BD_ACT_BACK},
	{BD_CTX_GLOBAL, BD_KEY_ESC, BD_ACT_BACK},
	{BD_CTX_GLOBAL, BD_KEY_LEFT, BD_ACT_BACK},
	{BD_CTX_GLOBAL, 'Q', BD_ACT_QUIT},
	{BD_CTX_GLOBAL, '?', BD_ACT_HELP},
	{BD_CTX_GLOBAL, BD_KEY_F(1), BD_ACT_HELP},
	{BD_CTX_GLOBAL, 'R', BD_ACT_REFRESH},
	{BD_CTX_GLOBAL, BD_KEY_F(5), BD_ACT_REFRESH},
	{BD_CTX_GLOBAL, BD_KEY_CTRL('l'), BD_ACT_REDRAW},
	{BD_CTX_GLOBAL, 'u', BD_ACT_UNDO},
	{BD_CTX_GLOBAL, 'd', BD_ACT_SHOW_DOMAINS},

	{BD_CTX_CATEGORIES, BD_KEY_ENTER, BD_ACT_OPEN},
	{BD_CTX_CATEGORIES, BD_KEY_RIGHT, BD_ACT_OPEN},
	{BD_CTX_CATEGORIES, 'e', BD_ACT_TOGGLE_EMPTY},

	{BD_CTX_ADDRESSES, BD_KEY_ENTER, BD_ACT_OPEN},
	{BD_CTX_ADDRESSES, BD_KEY_RIGHT, BD_ACT_OPEN},
	{BD_CTX_ADDRESSES, '/', BD_ACT_FILTER},
	{BD_CTX_ADDRESSES, 'l', BD_ACT_FILTER},
	{BD_CTX_ADDRESSES, 'L', BD_ACT_CLEAR_FILTER},
	{BD_CTX_ADDRESSES, 'o', BD_ACT_SORT},
	{BD_CTX_ADDRESSES, 't', BD_ACT_TAG},
	{BD_CTX_ADDRESSES, 'T', BD_ACT_TAG_PATTERN},
	{BD_CTX_ADDRESSES, 'U', BD_ACT_UNTAG_ALL},
	{BD_CTX_ADDRESSES, ';', BD_ACT_TAG_PREFIX},
	{BD_CTX_ADDRESSES, 's', BD_ACT_STOP},
	{BD_CTX_ADDRESSES, 'r', BD_ACT_RESUME},
	{BD_CTX_ADDRESSES, 'c', BD_ACT_CONFIRM},
	{BD_CTX_ADDRESSES, 'x', BD_ACT_CLEAR_LOG},
	{BD_CTX_ADDRESSES, 'v', BD_ACT_SHOW_RAW},
	{BD_CTX_ADDRESSES, 'e', BD_ACT_EXPLAIN},

	{BD_CTX_DETAIL, 's', BD_ACT_STOP},
	{BD_CTX_DETAIL, 'r', BD_ACT_RESUME},
	{BD_CTX_DETAIL, 'c', BD_ACT_CONFIRM},
	{BD_CTX_DETAIL, 'x', BD_ACT_CLEAR_LOG},
	{BD_CTX_DETAIL, 'v', BD_ACT_SHOW_RAW},
	{BD_CTX_DETAIL, 'e', BD_ACT_EXPLAIN},
	{BD_CTX_DETAIL, '/', BD_ACT_SEARCH_FORWARD},
	{BD_CTX_DETAIL, BD_KEY_CTRL('r'), BD_ACT_SEARCH_BACKWARD},
	{BD_CTX_DETAIL, 'n', BD_ACT_SEARCH_NEXT},
	{BD_CTX_DETAIL, 'N', BD_ACT_SEARCH_PREV},
	{BD_CTX_DETAIL, BD_KEY_LEFT, BD_ACT_SCROLL_LEFT},
	{BD_CTX_DETAIL, BD_KEY_RIGHT, BD_ACT_SCROLL_RIGHT},

	{BD_CTX_RAW, '/', BD_ACT_SEARCH_FORWARD},
	{BD_CTX_RAW, BD_KEY_CTRL('r'), BD_ACT_SEARCH_BACKWARD},
	{BD_CTX_RAW, 'n', BD_ACT_SEARCH_NEXT},
	{BD_CTX_RAW, 'N', BD_ACT_SEARCH_PREV},
	{BD_CTX_RAW, 'h', BD_ACT_TOGGLE_HEADERS},
	{BD_CTX_RAW, 'm', BD_ACT_TOGGLE_MIME},
	{BD_CTX_RAW, BD_KEY_LEFT, BD_ACT_SCROLL_LEFT},
	{BD_CTX_RAW, BD_KEY_RIGHT, BD_ACT_SCROLL_RIGHT},

	{BD_CTX_DOMAINS, BD_KEY_ENTER, BD_ACT_OPEN},
	{BD_CTX_DOMAINS, BD_KEY_RIGHT, BD_ACT_OPEN},

	{BD_CTX_MESSAGES, BD_KEY_ENTER, BD_ACT_OPEN},
	{BD_CTX_MESSAGES, BD_KEY_RIGHT, BD_ACT_OPEN},
	{BD_CTX_MESSAGES, 'v', BD_ACT_SHOW_RAW},

	{BD_CTX_HELP, '/', BD_ACT_SEARCH_FORWARD},
	{BD_CTX_HELP, BD_KEY_CTRL('r'), BD_ACT_SEARCH_BACKWARD},
	{BD_CTX_HELP, 'n', BD_ACT_SEARCH_NEXT},
	{BD_CTX_HELP, 'N', BD_ACT_SEARCH_PREV},

	{BD_CTX_PROMPT, BD_KEY_ENTER, BD_ACT_ACCEPT},
	{BD_CTX_PROMPT, BD_KEY_ESC, BD_ACT_CANCEL},
	{BD_CTX_PROMPT, BD_KEY_CTRL('g'), BD_ACT_CANCEL},
	{BD_CTX_PROMPT, BD_KEY_BACKSPACE, BD_ACT_EDIT_BACKSPACE},
	{BD_CTX_PROMPT, BD_KEY_CTRL('h'), BD_ACT_EDIT_BACKSPACE},
	{BD_CTX_PROMPT, BD_KEY_CTRL('w'), BD_ACT_EDIT_DELETE_WORD},
	{BD_CTX_PROMPT, BD_KEY_CTRL('u'), BD_ACT_EDIT_KILL_LINE},
	{BD_CTX_PROMPT, BD_KEY_LEFT, BD_ACT_EDIT_LEFT},
	{BD_CTX_PROMPT, BD_KEY_CTRL('b'), BD_ACT_EDIT_LEFT},
	{BD_CTX_PROMPT, BD_KEY_RIGHT, BD_ACT_EDIT_RIGHT},
	{BD_CTX_PROMPT, BD_KEY_CTRL('f'), BD_ACT_EDIT_RIGHT},
	{BD_CTX_PROMPT, BD_KEY_HOME, BD_ACT_EDIT_HOME},
	{BD_CTX_PROMPT, BD_KEY_CTRL('a'), BD_ACT_EDIT_HOME},
	{BD_CTX_PROMPT, BD_KEY_END, BD_ACT_EDIT_END},
	{BD_CTX_PROMPT, BD_KEY_CTRL('e'), BD_ACT_EDIT_END},
	{BD_CTX_PROMPT, BD_KEY_CTRL('l'), BD_ACT_REDRAW},
};

void bd_keymap_init(struct bd_keymap *km)
{
	memset(km, 0, sizeof(*km));
}

void bd_keymap_defaults(struct bd_keymap *km)
{
	bd_keymap_init(km);
	for (size_t i = 0; i < sizeof(default_bindings) / sizeof(default_bindings[0]); i++) {
		/* Appended as written, not through bd_keymap_bind, so that a key
		 * listed twice stays twice and bd_keymap_check (run on the
		 * defaults by test_action) reports it. */
		enum bd_context c = default_bindings[i].ctx;
		if (km->n[c] < BD_KEYMAP_MAX)
			km->v[c][km->n[c]++] = (struct bd_binding){default_bindings[i].key,
								   default_bindings[i].action};
	}
}

static int find(const struct bd_keymap *km, enum bd_context ctx, bd_key key)
{
	for (int i = 0; i < km->n[ctx]; i++) {
		if (km->v[ctx][i].key == key)
			return i;
	}
	return -1;
}

enum bd_action bd_keymap_get(const struct bd_keymap *km, enum bd_context ctx, bd_key key)
{
	if ((unsigned)ctx >= BD_CTX_COUNT)
		return BD_ACT_NONE;
	int i = find(km, ctx, key);
	return i < 0 ? BD_ACT_NONE : km->v[ctx][i].action;
}

enum bd_action bd_keymap_lookup(const struct bd_keymap *km, enum bd_context ctx, bd_key key)
{
	enum bd_action a = bd_keymap_get(km, ctx, key);
	if (a == BD_ACT_NONE && ctx != BD_CTX_PROMPT)
		a = bd_keymap_get(km, BD_CTX_GLOBAL, key);
	return a;
}

/* "addresses, detail": the contexts where a applies, for messages. */
static void where_applies(enum bd_action a, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		if (bd_action_applies(a, (enum bd_context)c) && len < n)
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
						bd_context_name((enum bd_context)c));
	}
}

bool bd_keymap_bind(struct bd_keymap *km, enum bd_context ctx, bd_key key, enum bd_action a,
		    struct bd_error *err)
{
	if ((unsigned)ctx >= BD_CTX_COUNT)
		return bd_error_set(err, BD_ERR_SYNTAX, "no such context");
	if (!bd_action_applies(a, ctx)) {
		char where[200];
		where_applies(a, where, sizeof(where));
		return bd_error_set(err, BD_ERR_SYNTAX, "'%s' does not apply in %s (only in %s)",
				    bd_action_name(a), bd_context_name(ctx), where);
	}
	int i = find(km, ctx, key);
	if (i < 0) {
		if (km->n[ctx] == BD_KEYMAP_MAX)
			return bd_error_set(err, BD_ERR_LIMIT, "more than %d keys bound in %s",
					    BD_KEYMAP_MAX, bd_context_name(ctx));
		i = km->n[ctx]++;
	}
	km->v[ctx][i].key = key;
	km->v[ctx][i].action = a;
	return true;
}

bool bd_keymap_unbind(struct bd_keymap *km, enum bd_context ctx, bd_key key)
{
	if ((unsigned)ctx >= BD_CTX_COUNT)
		return false;
	int i = find(km, ctx, key);
	if (i < 0)
		return false;
	/* Keep the order: the help screen lists keys as they were bound. */
	memmove(&km->v[ctx][i], &km->v[ctx][i + 1],
		(size_t)(km->n[ctx] - i - 1) * sizeof(km->v[ctx][0]));
	km->n[ctx]--;
	return true;
}

bool bd_keymap_check(const struct bd_keymap *km, struct bd_error *err)
{
	char kb[32];
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		enum bd_context ctx = (enum bd_context)c;
		if (km->n[c] < 0 || km->n[c] > BD_KEYMAP_MAX)
			return bd_error_set(err, BD_ERR_LIMIT, "%s: bad binding count",
					    bd_context_name(ctx));
		for (int i = 0; i < km->n[c]; i++) {
			const struct bd_binding *b = &km->v[c][i];
			if (!bd_action_applies(b->action, ctx))
				return bd_error_set(err, BD_ERR_SYNTAX,
						    "%s: %s is bound to '%s', which does not apply "
						    "there",
						    bd_context_name(ctx),
						    bd_key_format(b->key, kb, sizeof(kb)),
						    bd_action_name(b->action));
			for (int j = i + 1; j < km->n[c]; j++) {
				if (km->v[c][j].key == b->key)
					return bd_error_set(err, BD_ERR_SYNTAX,
							    "%s: %s is bound twice ('%s' and '%s')",
							    bd_context_name(ctx),
							    bd_key_format(b->key, kb, sizeof(kb)),
							    bd_action_name(b->action),
							    bd_action_name(km->v[c][j].action));
			}
		}
	}
	return true;
}

static bool parse_context(const char *s, const char *name, int lineno, enum bd_context *ctx,
			  struct bd_error *err)
{
	if (bd_context_parse(s, ctx))
		return true;
	return bd_error_set(err, BD_ERR_SYNTAX,
			    "%s:%d: unknown context '%s' (global, categories, addresses, detail, "
			    "raw, domains, help, messages or prompt)",
			    name, lineno, s);
}

static bool parse_key(const char *s, const char *name, int lineno, bd_key *key,
		      struct bd_error *err)
{
	if (bd_key_parse(s, key))
		return true;
	return bd_error_set(err, BD_ERR_SYNTAX,
			    "%s:%d: '%s' is not a key (write e.g. j, C-d, <PgDn>, <Enter>, "
			    "<Space>, <F1>)",
			    name, lineno, s);
}

bool bd_keymap_parse_words(struct bd_keymap *km, const char *name, int lineno, char **w, int nw,
			   struct bd_error *err)
{
	enum bd_context ctx;
	bd_key key;
	if (strcmp(w[0], "unbind") == 0) {
		if (nw != 3)
			return bd_error_set(err, BD_ERR_SYNTAX,
					    "%s:%d: 'unbind' needs a context and a key, e.g. "
					    "'unbind addresses x'",
					    name, lineno);
		if (!parse_context(w[1], name, lineno, &ctx, err) ||
		    !parse_key(w[2], name, lineno, &key, err))
			return false;
		if (!bd_keymap_unbind(km, ctx, key))
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: %s is not bound in %s",
					    name, lineno, w[2], w[1]);
		return true;
	}
	if (nw != 4)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: 'bind' needs a context, a key and an action, e.g. "
				    "'bind addresses S stop'",
				    name, lineno);
	if (!parse_context(w[1], name, lineno, &ctx, err) ||
	    !parse_key(w[2], name, lineno, &key, err))
		return false;
	enum bd_action a = bd_action_by_name(w[3]);
	if (a == BD_ACT_NONE)
		return bd_error_set(err, BD_ERR_SYNTAX,
				    "%s:%d: unknown action '%s' (the help screen lists them)", name,
				    lineno, w[3]);
	struct bd_error why;
	if (!bd_keymap_bind(km, ctx, key, a, &why))
		return bd_error_set(err, why.code, "%s:%d: %s", name, lineno, why.msg);
	return true;
}

size_t bd_keymap_help(const struct bd_keymap *km, enum bd_context ctx, struct bd_keyhelp *out,
		      size_t max)
{
	size_t n = 0;
	if ((unsigned)ctx >= BD_CTX_COUNT)
		return 0;
	for (int a = BD_ACT_NONE + 1; a < BD_ACT_COUNT && n < max; a++) {
		enum bd_action act = (enum bd_action)a;
		bool own = bd_action_applies(act, ctx);
		bool via_global = ctx != BD_CTX_PROMPT && bd_action_applies(act, BD_CTX_GLOBAL);
		if (!own && !via_global)
			continue;
		struct bd_keyhelp *h = &out[n++];
		h->action = act;
		h->nkeys = 0;
		for (int i = 0; i < km->n[ctx] && h->nkeys < BD_KEYHELP_KEYS; i++) {
			if (km->v[ctx][i].action == act)
				h->keys[h->nkeys++] = km->v[ctx][i].key;
		}
		if (!via_global || ctx == BD_CTX_GLOBAL)
			continue;
		for (int i = 0; i < km->n[BD_CTX_GLOBAL] && h->nkeys < BD_KEYHELP_KEYS; i++) {
			const struct bd_binding *b = &km->v[BD_CTX_GLOBAL][i];
			if (b->action == act && find(km, ctx, b->key) < 0)
				h->keys[h->nkeys++] = b->key;
		}
	}
	return n;
}

void bd_keymap_dump(const struct bd_keymap *km, struct bd_buf *out)
{
	char kb[32];
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		for (int i = 0; i < km->n[c]; i++)
			bd_buf_printf(out, "bind %s %s %s\n", bd_context_name((enum bd_context)c),
				      bd_key_format(km->v[c][i].key, kb, sizeof(kb)),
				      bd_action_name(km->v[c][i].action));
	}
}
