/* action.c: the action table built from actions.def, and the context
 * names (see action.h). */
#include "action.h"

#include <string.h>

static const struct bd_action_info actions[] = {
	{BD_ACT_NONE, "none", 0, "Do nothing"},
#define BD_ACTION(id, name, contexts, help) {BD_ACT_##id, name, contexts, help},
#include "actions.def"
#undef BD_ACTION
};

static const char *const context_names[BD_CTX_COUNT] = {
	"global",  "categories", "addresses", "detail",   "raw",
	"domains", "help",       "prompt",    "messages",
};

const struct bd_action_info *bd_action_info(enum bd_action a)
{
	if (a <= BD_ACT_NONE || a >= BD_ACT_COUNT)
		return NULL;
	return &actions[a];
}

const char *bd_action_name(enum bd_action a)
{
	return (unsigned)a < BD_ACT_COUNT ? actions[a].name : "none";
}

enum bd_action bd_action_by_name(const char *name)
{
	for (int a = BD_ACT_NONE + 1; a < BD_ACT_COUNT; a++) {
		if (strcmp(actions[a].name, name) == 0)
			return (enum bd_action)a;
	}
	return BD_ACT_NONE;
}

bool bd_action_applies(enum bd_action a, enum bd_context ctx)
{
	const struct bd_action_info *i = bd_action_info(a);
	return i && (unsigned)ctx < BD_CTX_COUNT && (i->contexts & (1u << ctx));
}

const char *bd_context_name(enum bd_context ctx)
{
	return (unsigned)ctx < BD_CTX_COUNT ? context_names[ctx] : "?";
}

bool bd_context_parse(const char *name, enum bd_context *out)
{
	for (int c = 0; c < BD_CTX_COUNT; c++) {
		if (strcmp(context_names[c], name) == 0) {
			*out = (enum bd_context)c;
			return true;
		}
	}
	return false;
}
