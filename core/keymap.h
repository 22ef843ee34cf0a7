/* keymap.h: the project's own key codes, key names as written in
 * bouncedesk.conf ("j", "C-d", "<PgDn>"), and the key bindings: one table
 * per context with a global fallback.  The UI translates curses keys into
 * bd_key in one place; nothing here knows curses.
 */
#ifndef BD_KEYMAP_H
#define BD_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "error.h"
#include "str.h"

/* A key: a Unicode code point for a printable character, a control
 * character (1..31, 127) for a control key, or a named key above Unicode.
 * Tab, Enter and Esc are the control characters a terminal sends for them
 * (C-i, C-m, C-[): a terminal cannot tell them apart either. */
typedef uint32_t bd_key;

#define BD_KEY_CTRL(c) ((bd_key)((c)&0x1f))

enum {
	BD_KEY_NONE = 0,
	BD_KEY_TAB = 0x09,
	BD_KEY_ENTER = 0x0d,
	BD_KEY_ESC = 0x1b,
	BD_KEY_SPACE = 0x20,
	BD_KEY_BACKSPACE = 0x7f,
	BD_KEY_UP = 0x110000,
	BD_KEY_DOWN,
	BD_KEY_LEFT,
	BD_KEY_RIGHT,
	BD_KEY_PGUP,
	BD_KEY_PGDN,
	BD_KEY_HOME,
	BD_KEY_END,
	BD_KEY_INSERT,
	BD_KEY_DELETE,
	BD_KEY_BTAB, /* shift-tab */
	BD_KEY_F1,
	BD_KEY_F12 = BD_KEY_F1 + 11,
	BD_KEY_RESIZE,
	BD_KEY_MOUSE,
	BD_KEY_LAST = BD_KEY_MOUSE,
};

#define BD_KEY_F(n) ((bd_key)(BD_KEY_F1 + (n)-1))

/* Parses a key name: one printable character ("j", "?", "é"), "C-x" or
 * "^X" (a control key), or a name in angle brackets, case-insensitive
 * ("<PgDn>", "<Enter>", "<Space>", "<F5>", "<C-d>", "<Hash>" for '#', which
 * bouncedesk.conf reads as a comment).  False when s names no key. */
bool bd_key_parse(const char *s, bd_key *out);
/* Writes the canonical name of k ("j", "C-d", "<PgDn>") into buf (at least
 * 16 bytes) and returns buf; bd_key_parse reads it back to k. */
const char *bd_key_format(bd_key k, char *buf, size_t n);

struct bd_binding {
	bd_key key;
	enum bd_action action;
};

#define BD_KEYMAP_MAX 96 /* bindings per context */

/* Invariant: in each context, a key appears at most once in v[ctx][0..n),
 * and each bound action applies in that context (bd_action_applies). */
struct bd_keymap {
	struct bd_binding v[BD_CTX_COUNT][BD_KEYMAP_MAX];
	int n[BD_CTX_COUNT];
};

/* An empty keymap: every key unbound. */
void bd_keymap_init(struct bd_keymap *km);
/* The default bindings (mutt, tig and less habits). */
void bd_keymap_defaults(struct bd_keymap *km);
/* The action of key in ctx: ctx's own table, then the global table (except
 * in the prompt, where an unbound key is text).  BD_ACT_NONE when unbound. */
enum bd_action bd_keymap_lookup(const struct bd_keymap *km, enum bd_context ctx, bd_key key);
/* The action bound to key in ctx's own table only. */
enum bd_action bd_keymap_get(const struct bd_keymap *km, enum bd_context ctx, bd_key key);
/* Binds key to a in ctx, replacing the key's earlier binding there.
 * Fails (err says why) when a does not apply in ctx or the table is full. */
bool bd_keymap_bind(struct bd_keymap *km, enum bd_context ctx, bd_key key, enum bd_action a,
		    struct bd_error *err);
/* Removes key's binding from ctx's own table; false when it had none. */
bool bd_keymap_unbind(struct bd_keymap *km, enum bd_context ctx, bd_key key);
/* Checks the invariant; the first violation goes to err. */
bool bd_keymap_check(const struct bd_keymap *km, struct bd_error *err);

/* One configuration line split into words: "bind CONTEXT KEY ACTION" or
 * "unbind CONTEXT KEY".  Errors read "name:lineno: ...".  w[0] must be
 * "bind" or "unbind". */
bool bd_keymap_parse_words(struct bd_keymap *km, const char *name, int lineno, char **w, int nw,
			   struct bd_error *err);

/* What the help screen shows for one action: the keys that reach it in a
 * context (the context's own keys, then global keys it does not shadow). */
#define BD_KEYHELP_KEYS 6
struct bd_keyhelp {
	enum bd_action action;
	int nkeys;
	bd_key keys[BD_KEYHELP_KEYS];
};

/* Fills out[0..max) with the actions that apply in ctx, in the order of
 * actions.def, each with its live keys (nkeys 0 when none reaches it);
 * returns the number of entries (at most max). */
size_t bd_keymap_help(const struct bd_keymap *km, enum bd_context ctx, struct bd_keyhelp *out,
		      size_t max);
/* Appends every binding as a "bind CONTEXT KEY ACTION" line, context by
 * context; the text reads back through bouncedesk.conf to the same map. */
void bd_keymap_dump(const struct bd_keymap *km, struct bd_buf *out);

#endif
