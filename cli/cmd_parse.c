/* cmd_parse.c: "bouncedesk parse": one row per recipient of every input message. */
#include "cli.h"
#include "rows.h"

int bd_cmd_parse(int argc, char **argv)
{
	struct bd_rows_opts opts;
	int rc = bd_rows_getopt(argc, argv, "parse", &opts);
	if (rc >= 0)
		return rc;
	return bd_rows_run(&opts, NULL);
}
