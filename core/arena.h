/* arena.h: a bump allocator that owns everything parsed from one message.
 *
 * Parsing allocates many small strings; freeing them one by one costs more
 * than the parse.  Everything a report points to lives in its arena and is
 * released with one bd_arena_done().  Knows nothing of mail.
 */
#ifndef BD_ARENA_H
#define BD_ARENA_H

#include <stddef.h>

struct bd_arena_block;

struct bd_arena {
	struct bd_arena_block *head; /* newest block first */
	size_t total;                /* bytes handed out, for limits and tests */
};

void bd_arena_init(struct bd_arena *a);
/* Frees every block; the arena may be reused after bd_arena_init(). */
void bd_arena_done(struct bd_arena *a);
/* Never returns NULL: out of memory aborts the process (see bd_xmalloc). */
void *bd_arena_alloc(struct bd_arena *a, size_t n);
char *bd_arena_strndup(struct bd_arena *a, const char *s, size_t n);
char *bd_arena_strdup(struct bd_arena *a, const char *s);
/* printf into the arena. */
char *bd_arena_printf(struct bd_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Heap helpers with the same contract: they abort on OOM, never return NULL. */
void *bd_xmalloc(size_t n);
void *bd_xcalloc(size_t n, size_t sz);
void *bd_xrealloc(void *p, size_t n);
char *bd_xstrdup(const char *s);
char *bd_xstrndup(const char *s, size_t n);

#endif
