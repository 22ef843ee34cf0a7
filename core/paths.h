/* paths.h: where bouncedesk's files live, by the XDG base directory
 * specification.  Each function writes a path into buf (size n) and
 * returns buf, or NULL when the location cannot be determined (no HOME). */
#ifndef BD_PATHS_H
#define BD_PATHS_H

#include <stddef.h>

/* System configuration: $BOUNCEDESK_SYSCONFDIR, else /etc/bouncedesk;
 * then "/" sub.  Never NULL. */
char *bd_path_sysconf(char *buf, size_t n, const char *sub);
/* User configuration: $XDG_CONFIG_HOME/bouncedesk/sub, else
 * $HOME/.config/bouncedesk/sub. */
char *bd_path_userconf(char *buf, size_t n, const char *sub);
/* User data: $XDG_DATA_HOME/bouncedesk/sub, else
 * $HOME/.local/share/bouncedesk/sub. */
char *bd_path_data(char *buf, size_t n, const char *sub);
/* Creates every missing directory above path (mode 0700 for ones it makes).
 * Returns 0 or an errno value. */
int bd_path_mkparents(const char *path);

#endif
