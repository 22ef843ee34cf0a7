/* paths.c: XDG locations (see paths.h). */
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *bd_path_sysconf(char *buf, size_t n, const char *sub)
{
	const char *sys = getenv("BOUNCEDESK_SYSCONFDIR");
	snprintf(buf, n, "%s/%s", sys && *sys ? sys : "/etc/bouncedesk", sub);
	return buf;
}

static char *xdg(char *buf, size_t n, const char *var, const char *fallback, const char *sub)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");
	if (base && *base == '/')
		snprintf(buf, n, "%s/bouncedesk/%s", base, sub);
	else if (home && *home)
		snprintf(buf, n, "%s/%s/bouncedesk/%s", home, fallback, sub);
	else
		return NULL;
	return buf;
}

char *bd_path_userconf(char *buf, size_t n, const char *sub)
{
	return xdg(buf, n, "XDG_CONFIG_HOME", ".config", sub);
}

char *bd_path_data(char *buf, size_t n, const char *sub)
{
	return xdg(buf, n, "XDG_DATA_HOME", ".local/share", sub);
}

int bd_path_mkparents(const char *path)
{
	size_t len = strlen(path);
	char *p = malloc(len + 1);
	if (!p)
		return ENOMEM;
	memcpy(p, path, len + 1);
	int rc = 0;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = errno;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}
