/* storecli.h: what the store commands share: opening the store named by
 * --db / $BOUNCEDESK_DB / the XDG default, the operator's name, times and
 * safe printing of bounce text. */
#ifndef BD_STORECLI_H
#define BD_STORECLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../db/store.h"

/* Opens the store at path (NULL: the default).  On failure prints the
 * error and returns NULL; *status is the exit status to return (75 for a
 * temporary failure when tempfail is set, else 1). */
struct bd_store *bd_cli_open_store(const char *path, unsigned flags, bool tempfail, int *status);
/* Exit status for a store error (75 when temporary and tempfail). */
int bd_cli_store_fail(const struct bd_store_error *err, bool tempfail);
struct bd_arena;
/* An address from the command line in the form the store keeps it
 * (lower-case, no brackets); as given when it does not look like one. */
const char *bd_cli_addr(struct bd_arena *a, const char *arg);
/* How long to wait for a locked store: $BOUNCEDESK_BUSY_TIMEOUT (ms), else
 * 0 for the store's default (10 s). */
int bd_cli_busy_ms(void);
/* The login name of the user running the program ("uid:N" without one). */
const char *bd_cli_actor(void);
/* "2026-11-22T10:00:00Z", or "-" for 0, in a static buffer (one per call
 * slot: slot 0..3). */
const char *bd_cli_time(int64_t t, int slot);
/* Prints s with every control character made visible (the TSV escapes),
 * so bounce text never reaches the terminal raw.  NULL prints "-". */
void bd_cli_put(FILE *fp, const char *s);
/* Parses a lower-case list of states "stopped,hold" into a bit mask
 * (1 << bd_state); false when a word is not a state. */
bool bd_cli_state_mask(const char *s, unsigned *mask);

#endif
