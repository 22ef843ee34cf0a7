/* conf.h: bouncedesk.conf as a whole.  Reads a configuration text line by
 * line and hands `window` and `policy` lines to the policy module and
 * `bind` and `unbind` lines to the keymap; owns the file's lexical rules
 * (words split on blanks, '#' to the end of the line is a comment) and the
 * order of the standard files.  A bad line of either kind refuses the
 * whole text: neither the policy nor the keymap changes.
 */
#ifndef BD_CONF_H
#define BD_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "keymap.h"
#include "policy.h"

/* Reads one configuration text; name is used in messages ("name:LINE: ...").
 * p or km may be NULL when the caller has no use for that kind of line:
 * such lines are still checked (against the defaults), so a file that one
 * command accepts, every command accepts. */
bool bd_conf_parse(struct bd_policy *p, struct bd_keymap *km, const char *name, const char *text,
		   size_t len, struct bd_error *err);
/* Reads one file (at most 1 MiB); a missing file is fine when optional. */
bool bd_conf_load_file(struct bd_policy *p, struct bd_keymap *km, const char *path, bool optional,
		       struct bd_error *err);
/* The built-in defaults, then /etc/bouncedesk/bouncedesk.conf
 * ($BOUNCEDESK_SYSCONFDIR), then $XDG_CONFIG_HOME/bouncedesk/bouncedesk.conf,
 * then extra (NULL for none).  p, initialised by the caller, gets the
 * built-in policy added first; km is set to the default bindings first. */
bool bd_conf_load_standard(struct bd_policy *p, struct bd_keymap *km, const char *extra,
			   struct bd_error *err);

#endif
