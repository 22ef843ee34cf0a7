/* conf.c: bouncedesk.conf line by line, each line to the module that owns
 * its setting (see conf.h).  Parses into copies and commits them only when
 * the whole text is good. */
#include "conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "paths.h"
#include "str.h"

static bool parse_into(struct bd_policy *p, struct bd_keymap *km, const char *name,
		       const char *text, size_t len, struct bd_error *err)
{
	size_t pos = 0;
	const char *line;
	size_t llen;
	int lineno = 0;
	while (bd_next_line(text, len, &pos, &line, &llen)) {
		lineno++;
		char buf[1024];
		if (llen >= sizeof(buf))
			return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: line too long", name,
					    lineno);
		memcpy(buf, line, llen);
		buf[llen] = '\0';
		char *hash = strchr(buf, '#');
		if (hash)
			*hash = '\0';
		char *w[16];
		int nw = 0;
		for (char *t = strtok(buf, " \t\r"); t; t = strtok(NULL, " \t\r")) {
			if (nw == 16)
				return bd_error_set(err, BD_ERR_SYNTAX, "%s:%d: too many words",
						    name, lineno);
			w[nw++] = t;
		}
		if (nw == 0)
			continue;
		bool ok;
		if (strcmp(w[0], "window") == 0 || strcmp(w[0], "policy") == 0)
			ok = bd_policy_parse_words(p, name, lineno, w, nw, err);
		else if (strcmp(w[0], "bind") == 0 || strcmp(w[0], "unbind") == 0)
			ok = bd_keymap_parse_words(km, name, lineno, w, nw, err);
		else
			ok = bd_error_set(err, BD_ERR_SYNTAX,
					  "%s:%d: unknown setting '%s' (expected 'policy', "
					  "'window', 'bind' or 'unbind')",
					  name, lineno, w[0]);
		if (!ok)
			return false;
	}
	return true;
}

bool bd_conf_parse(struct bd_policy *p, struct bd_keymap *km, const char *name, const char *text,
		   size_t len, struct bd_error *err)
{
	/* Work on copies (of the defaults when the caller passed NULL) so a
	 * bad line leaves both as they were. */
	struct bd_policy tp;
	bd_policy_init(&tp);
	if (p)
		bd_policy_copy(&tp, p);
	else if (!bd_policy_defaults(&tp, err))
		return false;
	struct bd_keymap *tk = bd_xmalloc(sizeof(*tk));
	if (km)
		*tk = *km;
	else
		bd_keymap_defaults(tk);
	bool ok = parse_into(&tp, tk, name, text, len, err);
	if (ok && p) {
		bd_policy_done(p);
		*p = tp;
	} else {
		bd_policy_done(&tp);
	}
	if (ok && km)
		*km = *tk;
	free(tk);
	return ok;
}

bool bd_conf_load_file(struct bd_policy *p, struct bd_keymap *km, const char *path, bool optional,
		       struct bd_error *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (optional && errno == ENOENT)
			return true;
		return bd_error_set(err, BD_ERR_IO, "%s: %s", path, strerror(errno));
	}
	struct bd_buf b;
	bd_buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0 && b.len < (1u << 20))
		bd_buf_add(&b, chunk, n);
	bool rd_err = ferror(fp);
	fclose(fp);
	bool ok = rd_err ? bd_error_set(err, BD_ERR_IO, "%s: read error", path) :
			   bd_conf_parse(p, km, path, b.data ? b.data : "", b.len, err);
	bd_buf_done(&b);
	return ok;
}

bool bd_conf_load_standard(struct bd_policy *p, struct bd_keymap *km, const char *extra,
			   struct bd_error *err)
{
	char path[4096];
	/* One set of defaults through all the files, so that a later file
	 * sees what an earlier one did (an unbind, a replaced policy). */
	struct bd_policy scratch_p;
	struct bd_keymap *scratch_k = km ? NULL : bd_xmalloc(sizeof(*scratch_k));
	struct bd_policy *pp = p ? p : &scratch_p;
	struct bd_keymap *kk = km ? km : scratch_k;
	if (!p)
		bd_policy_init(&scratch_p);
	bd_keymap_defaults(kk);
	bool ok = bd_policy_defaults(pp, err) &&
		  bd_conf_load_file(pp, kk, bd_path_sysconf(path, sizeof(path), "bouncedesk.conf"),
				    true, err) &&
		  (!bd_path_userconf(path, sizeof(path), "bouncedesk.conf") ||
		   bd_conf_load_file(pp, kk, path, true, err)) &&
		  (!extra || bd_conf_load_file(pp, kk, extra, false, err));
	if (!p)
		bd_policy_done(&scratch_p);
	free(scratch_k);
	return ok;
}
