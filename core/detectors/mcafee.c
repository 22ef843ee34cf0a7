/* mcafee.c: bounces of McAfee's mail gateways (Email Gateway, Email and Web
 * Security Appliance), which mark their messages with "X-NAI-Header:
 * Modified by McAfee ...".
 *
 * A text part lists "<addr>   (reason)"; a delivery-status part without
 * Reporting-MTA carries Original-Recipient, the remote reply and the remote
 * host.  The stage the reply answered is not given. */
#include <string.h>

#include "../detect.h"

extern const struct bd_detector bd_det_rfc3464;

static bool match(const struct bd_msg *m)
{
	return bd_msg_header_has(m, "X-NAI-Header", "McAfee") && bd_det_rfc3464.match(m);
}

static int extract(struct bd_msg *m, struct bd_report *r)
{
	return bd_det_rfc3464.extract(m, r);
}

const struct bd_detector bd_det_mcafee = {"mcafee", match, extract};
