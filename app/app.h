/* app.h: the terminal UI without the terminal: a stack of views (state
 * plus the handler of each action), the prompt, the status line, and the
 * screen laid out as styled lines.  Reads and writes the store through
 * db/store.h; knows nothing of curses (tui/ draws the lines and translates
 * keys).  Handlers change state only and return effects; the work that
 * touches the store waits in a job the loop runs (bd_app_run), and the
 * rows a view shows are loaded by bd_app_sync.
 */
#ifndef BD_APP_H
#define BD_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/keymap.h"
#include "../core/listview.h"
#include "../core/policy.h"
#include "../core/textfmt.h"
#include "../db/store.h"

enum bd_view_kind {
	BD_VIEW_CATEGORIES,
	BD_VIEW_ADDRESSES,
	BD_VIEW_DETAIL,
	BD_VIEW_RAW,
	BD_VIEW_DOMAINS,
	BD_VIEW_HELP,
	BD_VIEW_MESSAGES, /* unparsed messages */
};

/* Effects a handler returns, for the loop. */
enum {
	BD_FX_REDRAW = 1, /* the screen changed */
	BD_FX_QUIT = 2,   /* leave the program */
	BD_FX_JOB = 4,    /* a job waits: call bd_app_run */
};

/* One row of the categories screen. */
enum bd_catkind {
	BD_CAT_HEADING, /* a group's title: opens nothing */
	BD_CAT_REASON,
	BD_CAT_GROUP, /* a group across the reasons */
	BD_CAT_UNPARSED,
};
struct bd_catrow {
	enum bd_catkind kind;
	enum bd_store_group group;
	char id[40];
	char label[80];
	int64_t addresses, events, review;
};

struct bd_addrrow {
	char *address, *forward, *domain, *status;
	int64_t bounces, last_at;
	enum bd_state state;
	bool review;
};

struct bd_domrow {
	char *domain;
	struct bd_store_domain d;
};

struct bd_msgrow {
	int64_t id, date;
	char *error, *from, *subject;
};

/* A pager line: visible text only (control characters already shown as
 * ^X), one style, and the message it belongs to (0: none). */
struct bd_textline {
	char *text;
	enum bd_style style;
	int64_t msg;
};

/* Invariant: lv.rows is the number of rows of the view (cats shown,
 * store total, or pager lines); the page arrays hold the rows
 * lv.top .. lv.top + npage - 1 after bd_app_sync. */
struct bd_view {
	enum bd_view_kind kind;
	struct bd_listview lv;
	bool dirty; /* reload from the store before drawing */
	char title[160];

	/* categories */
	struct bd_catrow *cats; /* every row */
	size_t ncats;
	size_t *shown; /* indexes into cats of the rows shown */

	/* addresses */
	enum bd_store_group group;
	char reason[40];
	enum bd_store_sort sort;
	char *pattern;
	char domain[256];  /* BD_GROUP_DOMAIN: whose addresses */
	char *reasons;     /* BD_GROUP_DOMAIN: the domain's counts per reason */
	char *cursor_addr; /* the address under the cursor, to find it again */
	/* A new filter shows its first page at once; its count waits for
	 * bd_app_idle (or the next key): until then lv.rows holds the rows
	 * of that page and lv.more is set. */
	bool count_pending;
	bool page_fresh; /* the page was loaded with the filter: sync keeps it */

	/* page of rows from the store (addresses, domains, messages) */
	struct bd_addrrow *rows;
	struct bd_domrow *doms;
	struct bd_msgrow *msgs;
	size_t npage;

	/* pagers: detail, raw, help */
	struct bd_textline *lines;
	size_t nlines, capl;
	int hscroll;
	char address[320];        /* detail */
	int64_t msg;              /* raw */
	bool all_headers;         /* raw */
	bool decoded;             /* raw: the MIME parts decoded, not as received */
	enum bd_context help_ctx; /* help: the screen it was asked from */
	int wrap_cols;            /* help: the width its text is wrapped to */
	char explain[64];         /* help: the codes it explains ("5.1.1 550"), or "" */
	char *search;
	long match; /* line of the last match, -1 none */
};

enum bd_prompt_kind {
	BD_PROMPT_NONE,
	BD_PROMPT_REASON,  /* optional reason text for a decision */
	BD_PROMPT_CONFIRM, /* y/n before a clear */
	BD_PROMPT_FILTER,
	BD_PROMPT_SEARCH,
	BD_PROMPT_SEARCH_BACK,
	BD_PROMPT_TAG_PATTERN,
};

enum bd_job_kind {
	BD_JOB_NONE,
	BD_JOB_DECIDE,        /* job.op on job.addrs */
	BD_JOB_PREPARE_CLEAR, /* count the events, then ask */
	BD_JOB_CLEAR,
	BD_JOB_UNDO,
	BD_JOB_FILTER,
	BD_JOB_TAG_PATTERN,
	BD_JOB_REFRESH,
};

/* What the user asked for once the prompt is answered. */
enum bd_pending {
	BD_PEND_NONE,
	BD_PEND_STOP,
	BD_PEND_RESUME,
	BD_PEND_CONFIRM,
	BD_PEND_CLEAR,
};

struct bd_app {
	struct bd_store *store;
	const struct bd_policy *policy;
	const char *lang; /* of the help text: "en", "ja" (bd_help_lang) */
	struct bd_keymap keymap;
	const char *actor;
	bool readonly;
	int64_t now;    /* the clock, set by the loop */
	int utc_offset; /* seconds east of UTC for dates */
	bool hide_empty;

	struct bd_view views[8];
	int nviews;

	/* prompt */
	enum bd_prompt_kind prompt;
	char prompt_label[400];
	struct bd_buf input;
	size_t input_cur; /* byte offset of the text cursor */

	/* the decision being asked about */
	enum bd_pending pending;
	bool pending_tagged;
	char pending_addr[320];
	char *pending_reason;
	int64_t pending_events;

	bool tag_prefix;
	char **tags;
	size_t ntags;

	enum bd_job_kind job;
	char *job_text;

	char status[1024];
	bool status_error;
	struct bd_store_stamp stamp;

	int rows, cols; /* the screen */
};

/* Sets up app over an open store: the categories screen.  policy and actor
 * are borrowed; km is copied. */
void bd_app_init(struct bd_app *app, struct bd_store *store, const struct bd_policy *policy,
		 const struct bd_keymap *km, const char *actor, bool readonly);
void bd_app_done(struct bd_app *app);

/* The context keys are looked up in: the prompt's while one is open. */
enum bd_context bd_app_context(const struct bd_app *app);
struct bd_view *bd_app_top(struct bd_app *app);

/* Handles one key (looked up in the keymap; text in the prompt). */
unsigned bd_app_key(struct bd_app *app, bd_key k);
/* Handles one action. */
unsigned bd_app_handle(struct bd_app *app, enum bd_action a);
/* A click on screen line y (0: the title), or the wheel (dir -1 up, 1 down). */
unsigned bd_app_click(struct bd_app *app, int y, bool twice);
unsigned bd_app_wheel(struct bd_app *app, int dir);

/* Runs the waiting job against the store (decisions, filters, undo,
 * refresh); errors go to the status line.  Returns effects. */
unsigned bd_app_run(struct bd_app *app);
/* Work left after the screen is drawn (the count of a new filter's
 * list), for the loop to run while no key waits; bd_app_key runs it
 * first when a key comes before.  Returns effects. */
bool bd_app_idle_pending(struct bd_app *app);
unsigned bd_app_idle(struct bd_app *app);
/* Polls the store for changes (bd_store_changed): when something changed,
 * reloads every view keeping the cursors.  Returns effects. */
unsigned bd_app_poll(struct bd_app *app);
/* Lays the views out for a screen of rows x cols and loads what the top
 * view shows.  Call before bd_app_render. */
void bd_app_sync(struct bd_app *app, int rows, int cols);
/* Writes the screen into lines[0..rows): title, body, status or prompt.
 * *cursor_col gets the text cursor's column on the last line when a
 * prompt is open, else -1. */
void bd_app_render(struct bd_app *app, struct bd_line *lines, int rows, int cols, int *cursor_col);

/* The status line's text (for tests). */
const char *bd_app_status(const struct bd_app *app);
/* Is addr tagged? */
bool bd_app_tagged(const struct bd_app *app, const char *addr);

#endif
