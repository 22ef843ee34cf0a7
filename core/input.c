/* input.c: streaming message sources (see input.h). */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void bd_input_init(struct bd_input *in, char **paths, size_t npaths)
{
	memset(in, 0, sizeof(*in));
	in->paths = paths;
	in->npaths = npaths;
	in->line_len = -1;
	bd_buf_init(&in->msg);
}

static void queue_clear(struct bd_input *in)
{
	for (size_t i = 0; i < in->nqueue; i++)
		free(in->queue[i]);
	free(in->queue);
	in->queue = NULL;
	in->nqueue = in->iqueue = in->queue_new = 0;
}

static void stream_close(struct bd_input *in)
{
	if (in->fp && in->fp_close)
		fclose(in->fp);
	in->fp = NULL;
	free(in->fp_name);
	in->fp_name = NULL;
	in->line_len = -1;
}

void bd_input_done(struct bd_input *in)
{
	stream_close(in);
	queue_clear(in);
	free(in->line);
	free(in->name);
	bd_buf_done(&in->msg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the regular files of dir, sorted, to the queue. */
static int queue_dir(struct bd_input *in, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	size_t start = in->nqueue, cap = in->nqueue;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = bd_xmalloc(n);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (in->nqueue == cap) {
			cap = cap ? cap * 2 : 64;
			in->queue = bd_xrealloc(in->queue, cap * sizeof(*in->queue));
		}
		in->queue[in->nqueue++] = p;
	}
	closedir(d);
	if (in->nqueue > start)
		qsort(in->queue + start, in->nqueue - start, sizeof(*in->queue), cmp_str);
	return 0;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void set_name(struct bd_input *in, const char *fmt, const char *base, int n)
{
	free(in->name);
	size_t len = strlen(base) + 24;
	in->name = bd_xmalloc(len);
	if (n > 0)
		snprintf(in->name, len, fmt, base, n);
	else
		snprintf(in->name, len, "%s", base);
}

static bool is_mbox_from(const char *line, ssize_t n)
{
	return n >= 5 && memcmp(line, "From ", 5) == 0;
}

/* Reads the next message of the open stream into in->msg.  Returns false at
 * the end of the stream. */
static bool stream_next(struct bd_input *in, bool *more)
{
	bd_buf_reset(&in->msg);
	ssize_t n;
	bool have_any = false;
	if (in->line_len >= 0) {
		/* The separator read at the end of the previous message. */
		bd_buf_add(&in->msg, in->line, (size_t)in->line_len);
		in->line_len = -1;
		have_any = true;
	}
	bool prev_blank = true;
	while ((n = getline(&in->line, &in->line_cap, in->fp)) >= 0) {
		if (!have_any && in->mbox_n == 0) {
			/* A Maildir file is one message, whatever its first line
			 * (some delivery agents write an mbox "From " line). */
			in->mbox = !in->queue_is_maildir && is_mbox_from(in->line, n);
		} else if (in->mbox && prev_blank && is_mbox_from(in->line, n) && in->msg.len > 0) {
			in->line_len = n; /* keep it for the next message */
			*more = true;
			return true;
		}
		const char *l = in->line;
		ssize_t ln = n;
		/* mboxrd/mboxo quoting: ">From " and ">>From " lose one '>'. */
		if (in->mbox && ln > 5 && l[0] == '>') {
			ssize_t k = 0;
			while (k < ln && l[k] == '>')
				k++;
			if (ln - k >= 5 && memcmp(l + k, "From ", 5) == 0) {
				l++;
				ln--;
			}
		}
		bd_buf_add(&in->msg, l, (size_t)ln);
		have_any = true;
		prev_blank = ln == 1 || (ln == 2 && l[0] == '\r');
	}
	*more = false;
	return have_any;
}

static bool open_stream(struct bd_input *in, const char *path, struct bd_input_msg *out)
{
	if (strcmp(path, "-") == 0) {
		in->fp = stdin;
		in->fp_close = false;
	} else {
		in->fp = fopen(path, "rb");
		in->fp_close = true;
		if (!in->fp) {
			snprintf(in->errbuf, sizeof(in->errbuf), "%s", strerror(errno));
			set_name(in, "%s", path, 0);
			out->name = in->name;
			out->error = in->errbuf;
			return false;
		}
	}
	in->fp_name = bd_xstrdup(path);
	in->mbox = false;
	in->mbox_n = 0;
	in->line_len = -1;
	return true;
}

bool bd_input_next(struct bd_input *in, struct bd_input_msg *out)
{
	memset(out, 0, sizeof(*out));
	for (;;) {
		if (in->fp) {
			bool more = false;
			if (stream_next(in, &more)) {
				int idx = ++in->mbox_n;
				/* A one-message mbox is named like a plain file. */
				if (in->mbox && (more || idx > 1)) {
					set_name(in, "%s#%d", in->fp_name, idx);
					out->msgno = idx;
				} else {
					set_name(in, "%s", in->fp_name, 0);
				}
				out->name = in->name;
				out->file = in->fp_name;
				out->data = in->msg.data ? in->msg.data : "";
				out->len = in->msg.len;
				if (!in->mbox && strcmp(in->fp_name, "-") != 0) {
					out->path = in->fp_name;
					out->maildir_new =
						in->queue_is_maildir && in->iqueue <= in->queue_new;
				}
				if (!more)
					in->line_len = -1;
				return true;
			}
			stream_close(in);
			continue;
		}
		if (in->iqueue < in->nqueue) {
			const char *p = in->queue[in->iqueue++];
			if (!open_stream(in, p, out))
				return true;
			continue;
		}
		queue_clear(in);
		in->queue_is_maildir = false;
		if (in->ipath >= in->npaths)
			return false;
		const char *path = in->paths[in->ipath++];
		if (strcmp(path, "-") != 0 && is_dir(path)) {
			size_t n = strlen(path) + 8;
			char *sub = bd_xmalloc(n);
			snprintf(sub, n, "%s/new", path);
			bool has_new = is_dir(sub);
			snprintf(sub, n, "%s/cur", path);
			bool has_cur = is_dir(sub);
			int rc = 0;
			if (has_new || has_cur) {
				in->queue_is_maildir = true;
				snprintf(sub, n, "%s/new", path);
				if (has_new)
					rc |= queue_dir(in, sub);
				in->queue_new = in->nqueue;
				snprintf(sub, n, "%s/cur", path);
				if (has_cur)
					rc |= queue_dir(in, sub);
			} else {
				rc = queue_dir(in, path);
			}
			free(sub);
			if (rc != 0) {
				snprintf(in->errbuf, sizeof(in->errbuf), "%s", strerror(errno));
				set_name(in, "%s", path, 0);
				out->name = in->name;
				out->error = in->errbuf;
				return true;
			}
			continue;
		}
		if (!open_stream(in, path, out))
			return true;
	}
}
