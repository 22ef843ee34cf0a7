/* regexp.h: the REGEXP SQL function of the store, backed by PCRE2.
 *
 * Patterns are caseless, UTF-8 (invalid bytes in a subject never match
 * rather than fail) and JIT-compiled when the platform allows.  X REGEXP P
 * is true when P matches anywhere in X; NULL X is false.  P is either text,
 * compiled once per statement run, or a compiled struct bd_regex bound with
 * bd_regex_bind, which is how the store's filtered queries pass a pattern
 * it has already checked. */
#ifndef BD_REGEXP_H
#define BD_REGEXP_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

struct bd_regex;

/* Compiles pattern.  On a bad pattern, false, with msg holding PCRE2's
 * message and the offset where it stopped. */
bool bd_regex_new(const char *pattern, struct bd_regex **out, char *msg, size_t n);
/* Frees *re and sets it to NULL. */
void bd_regex_free(struct bd_regex **re);
/* Does re match anywhere in text? */
bool bd_regex_match(struct bd_regex *re, const char *text, size_t len);

/* Registers regexp(P, X) on db. */
int bd_regex_register(sqlite3 *db);
/* Binds re (borrowed: it must outlive the statement's run) to parameter i. */
int bd_regex_bind(sqlite3_stmt *q, int i, struct bd_regex *re);

/* A set of ids, one bit each: inset(S, id) is true when id is in S, a
 * struct bd_idset bound with bd_idset_bind (a query's matches kept for
 * later pages, see query.c). */
struct bd_idset {
	unsigned long long *bits;
	long long n; /* ids 0 .. n - 1 */
};
int bd_idset_bind(sqlite3_stmt *q, int i, const struct bd_idset *set);

#endif
