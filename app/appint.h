/* appint.h: what app.c, load.c and render.c share; not for tui/. */
#ifndef BD_APPINT_H
#define BD_APPINT_H

#include "app.h"

void bd_app_status_set(struct bd_app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
struct bd_view *bd_app_push(struct bd_app *app, enum bd_view_kind kind);
void bd_view_done(struct bd_view *v);
enum bd_context bd_app_view_context(const struct bd_view *v);
void bd_app_tag_add(struct bd_app *app, const char *addr);
/* The store query of an addresses view. */
struct bd_store_query bd_view_query(const struct bd_view *v, const char *pattern);
/* Screen lines above an addresses list's headings (the domain's reasons). */
int bd_view_extra_lines(const struct bd_view *v);
void bd_app_ask_clear(struct bd_app *app, int64_t events);
/* Moves the pager to the next (dir 1) or previous (-1) line matching the
 * view's search; again: start after the current match. */
void bd_app_search(struct bd_app *app, struct bd_view *v, int dir, bool again);
/* The id of the latest message that bounced for addr; 0 when none. */
int64_t bd_app_latest_message(struct bd_app *app, const char *addr);
/* Events stored for addr; false (status set) on a store error. */
bool bd_app_count_events(struct bd_app *app, const char *addr, int64_t *n);
/* Loads the first page of v's addresses filtered by pattern into the
 * window (v->pattern unchanged), kept by the next bd_app_sync; false, with
 * err set, on a bad pattern or an error of the store. */
bool bd_app_load_filtered(struct bd_app *app, struct bd_view *v, const char *pattern,
			  bool *deferred, struct bd_store_error *err);

#endif
