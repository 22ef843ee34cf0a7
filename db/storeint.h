/* storeint.h: what the files of db/ share about the store's connection.
 * Not part of the store's API: only the files of db/ include it. */
#ifndef BD_STOREINT_H
#define BD_STOREINT_H

#include <sqlite3.h>

#include "regexp.h"
#include "store.h"

/* Statements of store.c, prepared once on first use. */
#define BD_ST_NSTMT 48
/* Statements of query.c: one per source, sort, filter and kind of query. */
#define BD_ST_NQUERY 700

struct bd_store {
	sqlite3 *db;
	char *path;
	int version;
	bool readonly;
	sqlite3_stmt *st[BD_ST_NSTMT];
	sqlite3_stmt *qst[BD_ST_NQUERY];
	int filter_budget_ms; /* see bd_store_set_filter_budget */
	/* The matches of the last filtered list passed over in full (query.c):
	 * which list and pattern, at which stamp of the store, and the ids. */
	struct {
		bool valid;
		int group;
		char *list, *pattern;
		struct bd_store_stamp stamp;
		struct bd_idset set;
		int64_t count;
	} matches;
};

/* A callback and its context, for bd_st_each_row's row functions. */
struct cb {
	void *fn;
	void *ctx;
};

/* Fills *err and returns false. */
bool bd_st_fail(struct bd_store_error *err, enum bd_store_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The error of the last call on s->db, as a sentence about the store. */
bool bd_st_dbfail(struct bd_store *s, struct bd_store_error *err, const char *what);
void bd_st_bind_text(sqlite3_stmt *q, int i, const char *v);
const char *bd_st_col_text(sqlite3_stmt *q, int i);
/* Steps q to the end, handing each row to each(); false on a database error. */
bool bd_st_each_row(struct bd_store *s, sqlite3_stmt *q, bool (*each)(sqlite3_stmt *, void *),
		    void *ctx, struct bd_store_error *err);
/* Columns 0..14 of an address row (ADDR_COLS in store.c). */
void bd_st_read_addr(sqlite3_stmt *q, struct bd_store_addr *a);
bool bd_st_addr_row_cb(sqlite3_stmt *q, void *p);
bool bd_st_count_cb(sqlite3_stmt *q, void *p);
bool bd_st_msg_cb(sqlite3_stmt *q, void *p);
/* Finalizes query.c's statements (at close). */
void bd_st_query_done(struct bd_store *s);

#endif
