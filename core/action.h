/* action.h: the user actions of the terminal UI and the contexts (screens)
 * they apply in.  The list itself is data in actions.def; this header turns
 * it into an enum and a table for the key-binding parser and the help
 * screen.  Knows nothing of keys or of curses.
 */
#ifndef BD_ACTION_H
#define BD_ACTION_H

#include <stdbool.h>
#include <stddef.h>

/* Where a key is pressed.  GLOBAL is not a screen: it is the table every
 * screen except PROMPT falls back to (keymap.h). */
enum bd_context {
	BD_CTX_GLOBAL,
	BD_CTX_CATEGORIES,
	BD_CTX_ADDRESSES,
	BD_CTX_DETAIL,
	BD_CTX_RAW, /* the pager of one raw message */
	BD_CTX_DOMAINS,
	BD_CTX_HELP,
	BD_CTX_PROMPT,   /* a question or a line of text being typed */
	BD_CTX_MESSAGES, /* the messages that could not be parsed */
	BD_CTX_COUNT,
};

#define BD_IN_GLOBAL (1u << BD_CTX_GLOBAL)
#define BD_IN_CATEGORIES (1u << BD_CTX_CATEGORIES)
#define BD_IN_ADDRESSES (1u << BD_CTX_ADDRESSES)
#define BD_IN_DETAIL (1u << BD_CTX_DETAIL)
#define BD_IN_RAW (1u << BD_CTX_RAW)
#define BD_IN_DOMAINS (1u << BD_CTX_DOMAINS)
#define BD_IN_HELP (1u << BD_CTX_HELP)
#define BD_IN_PROMPT (1u << BD_CTX_PROMPT)
#define BD_IN_MESSAGES (1u << BD_CTX_MESSAGES)
/* Screens with a cursor on rows that open into another screen. */
#define BD_IN_LISTS (BD_IN_CATEGORIES | BD_IN_ADDRESSES | BD_IN_DOMAINS | BD_IN_MESSAGES)
/* Screens of text read like a pager. */
#define BD_IN_PAGERS (BD_IN_DETAIL | BD_IN_RAW | BD_IN_HELP)
/* Every screen (not the prompt, which takes text). */
#define BD_IN_VIEWS (BD_IN_LISTS | BD_IN_PAGERS)

enum bd_action {
	BD_ACT_NONE, /* no action: an unbound key */
#define BD_ACTION(id, name, contexts, help) BD_ACT_##id,
#include "actions.def"
#undef BD_ACTION
	BD_ACT_COUNT,
};

struct bd_action_info {
	enum bd_action id;
	const char *name;  /* "stop": the name in bind lines */
	unsigned contexts; /* BD_IN_* mask */
	const char *help;  /* one sentence, no final full stop */
};

/* The entry of an action; NULL for BD_ACT_NONE or out of range. */
const struct bd_action_info *bd_action_info(enum bd_action a);
/* "stop" for BD_ACT_STOP; "none" for BD_ACT_NONE. */
const char *bd_action_name(enum bd_action a);
/* The action named name (exact, as in bind lines); BD_ACT_NONE when none. */
enum bd_action bd_action_by_name(const char *name);
/* Does action a mean something in ctx? */
bool bd_action_applies(enum bd_action a, enum bd_context ctx);

/* "addresses" for BD_CTX_ADDRESSES. */
const char *bd_context_name(enum bd_context ctx);
/* Parses a context name; false when unknown. */
bool bd_context_parse(const char *name, enum bd_context *out);

#endif
