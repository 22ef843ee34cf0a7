/* tui.h: the curses front end of the operator's UI: the one loop that
 * reads keys, runs the app's jobs and draws its lines.  The only code of
 * bouncedesk that includes curses.
 */
#ifndef BD_TUI_H
#define BD_TUI_H

#include <stdbool.h>

#include "../core/keymap.h"
#include "../core/policy.h"
#include "../db/store.h"

struct bd_tui_opts {
	struct bd_store *store;
	const struct bd_policy *policy;
	const struct bd_keymap *keymap;
	const char *actor;
	bool readonly;
	/* Scripted mode for tests: keys from this file, drawn to a virtual
	 * screen of rows x cols, the screen text written to dump.  With
	 * timings, one line "NAME<TAB>MS" is written there: first "start",
	 * the milliseconds from started_ms (CLOCK_MONOTONIC, taken when the
	 * command began) to the first complete screen, then one per word of
	 * the script but "dump", its handling and drawing, each followed by
	 * "(idle)" when the UI had work left for the time no key waits (a
	 * filter's count), which the script runs before its next word. */
	const char *keys;
	const char *dump;
	const char *timings;
	double started_ms;
	int rows, cols;
};

/* CLOCK_MONOTONIC in milliseconds, for started_ms. */
double bd_tui_clock_ms(void);

/* Runs the UI until the user quits; returns the exit status.  The
 * terminal is restored on every way out (quit, error, SIGINT, SIGTERM,
 * SIGHUP); *errmsg gets a message to print afterwards, if any. */
int bd_tui_run(const struct bd_tui_opts *o, char *errmsg, size_t n);

#endif
