/* storecli.c: shared pieces of the store commands (see storecli.h). */
#include "storecli.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/addr.h"
#include "../core/date.h"
#include "cli.h"
#include "out.h"

int bd_cli_store_fail(const struct bd_store_error *err, bool tempfail)
{
	bd_warn("%s", err->msg);
	return tempfail && bd_store_temporary(err) ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
}

struct bd_store *bd_cli_open_store(const char *path, unsigned flags, bool tempfail, int *status)
{
	char def[4096];
	if (!path) {
		if (!bd_store_default_path(def, sizeof(def))) {
			bd_warn("no store path: set HOME, XDG_DATA_HOME or BOUNCEDESK_DB, or use "
				"--db PATH");
			*status = tempfail ? BD_EXIT_TEMPFAIL : BD_EXIT_FAIL;
			return NULL;
		}
		path = def;
	}
	struct bd_store *s;
	struct bd_store_error err;
	if (!bd_store_open(path, flags, bd_cli_busy_ms(), &s, &err)) {
		*status = bd_cli_store_fail(&err, tempfail);
		return NULL;
	}
	*status = BD_EXIT_OK;
	return s;
}

const char *bd_cli_addr(struct bd_arena *a, const char *arg)
{
	char *n = bd_addr_normalize(a, arg, strlen(arg));
	return n ? n : bd_arena_strdup(a, arg);
}

int bd_cli_busy_ms(void)
{
	const char *e = getenv("BOUNCEDESK_BUSY_TIMEOUT");
	int ms = e ? atoi(e) : 0;
	return ms > 0 ? ms : 0;
}

const char *bd_cli_actor(void)
{
	static char name[64];
	if (!name[0]) {
		struct passwd *pw = getpwuid(geteuid());
		if (pw && pw->pw_name && *pw->pw_name)
			snprintf(name, sizeof(name), "%s", pw->pw_name);
		else
			snprintf(name, sizeof(name), "uid:%lu", (unsigned long)geteuid());
	}
	return name;
}

const char *bd_cli_time(int64_t t, int slot)
{
	static char buf[4][32];
	char *b = buf[slot & 3];
	if (t == 0)
		return "-";
	bd_date_iso(t, b);
	return b;
}

void bd_cli_put(FILE *fp, const char *s)
{
	if (!s)
		fputc('-', fp);
	else
		bd_out_tsv_field(fp, s);
}

bool bd_cli_state_mask(const char *s, unsigned *mask)
{
	*mask = 0;
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *w = strtok(buf, ","); w; w = strtok(NULL, ",")) {
		enum bd_state st;
		if (!bd_state_parse(w, &st))
			return false;
		*mask |= 1u << st;
	}
	return *mask != 0;
}
