/* arena.c: bump allocator in growing blocks, plus aborting heap helpers. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bd_arena_block {
	struct bd_arena_block *next;
	size_t used, size;
	max_align_t data[];
};

enum { ARENA_MIN_BLOCK = 16 * 1024 };

static void oom(void)
{
	/* The one place core gives up: nothing sensible can continue without memory. */
	fputs("bouncedesk: out of memory\n", stderr);
	abort();
}

void *bd_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *bd_xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		oom();
	return p;
}

void *bd_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *bd_xstrdup(const char *s)
{
	return bd_xstrndup(s, strlen(s));
}

char *bd_xstrndup(const char *s, size_t n)
{
	char *p = bd_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void bd_arena_init(struct bd_arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void bd_arena_done(struct bd_arena *a)
{
	struct bd_arena_block *b = a->head;
	while (b) {
		struct bd_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

void *bd_arena_alloc(struct bd_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	struct bd_arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		/* Grow geometrically up to 1 MiB blocks; a huge request gets its own. */
		size_t size = ARENA_MIN_BLOCK;
		if (b)
			size = b->size < 512 * 1024 ? b->size * 2 : 1024 * 1024;
		if (size < n)
			size = n;
		b = bd_xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

char *bd_arena_strndup(struct bd_arena *a, const char *s, size_t n)
{
	char *p = bd_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *bd_arena_strdup(struct bd_arena *a, const char *s)
{
	return s ? bd_arena_strndup(a, s, strlen(s)) : NULL;
}

char *bd_arena_printf(struct bd_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return bd_arena_strdup(a, "");
	char *p = bd_arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
