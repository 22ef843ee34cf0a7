/* report.c: the parser's per-message result (see report.h). */
#include "report.h"

#include <stdint.h>
#include <string.h>

#include "str.h"

const char *bd_kind_name(enum bd_kind k)
{
	switch (k) {
	case BD_KIND_BOUNCE:
		return "bounce";
	case BD_KIND_DELAY:
		return "delay";
	case BD_KIND_SUCCESS:
		return "success";
	case BD_KIND_FEEDBACK:
		return "feedback";
	case BD_KIND_AUTOREPLY:
		return "autoreply";
	case BD_KIND_NOTBOUNCE:
		return "notbounce";
	case BD_KIND_UNPARSED:
		return "unparsed";
	}
	return "unparsed";
}

void bd_report_init(struct bd_report *r)
{
	memset(r, 0, sizeof(*r));
	bd_arena_init(&r->arena);
}

void bd_report_done(struct bd_report *r)
{
	bd_arena_done(&r->arena);
	memset(r, 0, sizeof(*r));
}

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)bd_lower(*s)) * 16777619u;
	return h;
}

static void index_put(struct bd_report *r, size_t idx)
{
	size_t mask = r->nslots - 1;
	size_t i = hash_str(r->rcpt[idx].recipient) & mask;
	while (r->slots[i])
		i = (i + 1) & mask;
	r->slots[i] = (unsigned)idx + 1;
}

static void index_grow(struct bd_report *r)
{
	size_t n = r->nslots ? r->nslots * 2 : 16;
	r->slots = bd_arena_alloc(&r->arena, n * sizeof(*r->slots));
	memset(r->slots, 0, n * sizeof(*r->slots));
	r->nslots = n;
	for (size_t i = 0; i < r->n; i++) {
		if (r->rcpt[i].recipient)
			index_put(r, i);
	}
}

struct bd_rcpt *bd_report_find(struct bd_report *r, const char *addr)
{
	if (!addr || !r->nslots)
		return NULL;
	size_t mask = r->nslots - 1;
	for (size_t i = hash_str(addr) & mask; r->slots[i]; i = (i + 1) & mask) {
		struct bd_rcpt *x = &r->rcpt[r->slots[i] - 1];
		if (x->recipient && bd_streq_ci(x->recipient, addr))
			return x;
	}
	return NULL;
}

struct bd_rcpt *bd_report_rcpt(struct bd_report *r, const char *addr)
{
	struct bd_rcpt *x = bd_report_find(r, addr);
	if (x)
		return x;
	if (r->max_rcpt && r->n >= r->max_rcpt) {
		if (!r->error)
			r->error =
				bd_arena_printf(&r->arena, "more than %zu recipients", r->max_rcpt);
		memset(&r->overflow, 0, sizeof(r->overflow));
		return &r->overflow;
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4;
		struct bd_rcpt *v = bd_arena_alloc(&r->arena, cap * sizeof(*v));
		if (r->n)
			memcpy(v, r->rcpt, r->n * sizeof(*v));
		r->rcpt = v;
		r->cap = cap;
	}
	x = &r->rcpt[r->n++];
	memset(x, 0, sizeof(*x));
	x->recipient = addr;
	if (addr) {
		if ((r->n + 1) * 2 > r->nslots)
			index_grow(r); /* also indexes the new one */
		else
			index_put(r, r->n - 1);
	}
	return x;
}

const char *bd_report_strn(struct bd_report *r, const char *s, size_t n)
{
	if (!s)
		return NULL;
	while (n && bd_isspace(*s)) {
		s++;
		n--;
	}
	while (n && bd_isspace(s[n - 1]))
		n--;
	if (!n)
		return NULL;
	return bd_arena_strndup(&r->arena, s, n);
}

const char *bd_report_str(struct bd_report *r, const char *s)
{
	return s ? bd_report_strn(r, s, strlen(s)) : NULL;
}
