/* reason.c: the reason table (see reason.h).  Order is the display order:
 * address problems, sender-side refusals, temporary trouble, not bounces. */
#include "reason.h"

#include <string.h>

#define A BD_GROUP_ADDRESS
#define S BD_GROUP_SENDER
#define T BD_GROUP_TEMPORARY
#define N BD_GROUP_NOTBOUNCE

const struct bd_reason bd_reasons[] = {
	/* id, refines, label, meaning, hard, permanent, group */
	{"userunknown", NULL, "User unknown", "no such mailbox on an existing server", true, true,
	 A},
	{"hostunknown", NULL, "Host unknown", "the recipient's domain or host does not exist", true,
	 true, A},
	{"hasmoved", NULL, "Moved", "the recipient moved and left no forwarding address (551)",
	 true, true, A},
	{"notaccept", NULL, "Accepts no mail", "the domain accepts no mail (null MX, 521/556)",
	 true, true, A},
	{"suspend", NULL, "Suspended", "the mailbox is disabled or suspended", false, true, A},
	{"filtered", NULL, "Filtered", "a filter on the recipient's side refused it", false, true,
	 A},
	{"blocked", NULL, "Blocked",
	 "the sending IP was refused: blocklist, no reverse DNS, reputation", false, true, S},
	{"rejected", NULL, "Sender rejected", "the envelope sender (or its domain) was refused",
	 false, true, S},
	{"badreputation", NULL, "Bad reputation", "refused for the sender's reputation", false,
	 true, S},
	{"requireptr", NULL, "No reverse DNS", "the sending IP has no valid PTR record", false,
	 true, S},
	{"speeding", NULL, "Rate limited", "too many messages in a short time", false, false, S},
	{"toomanyconn", NULL, "Too many connections", "too many connections or recipients at once",
	 false, false, S},
	{"authfailure", NULL, "Authentication failed", "SPF, DKIM or DMARC check failed", false,
	 true, S},
	{"spamdetected", NULL, "Spam", "the content was judged to be spam", false, true, S},
	{"virusdetected", NULL, "Virus", "the content was judged to carry a virus", false, true, S},
	{"policyviolation", NULL, "Policy", "refused by the receiver's policy", false, true, S},
	{"securityerror", NULL, "Security",
	 "a security requirement was not met (TLS, authentication)", false, true, S},
	{"failedstarttls", NULL, "STARTTLS failed", "the TLS handshake failed", false, false, S},
	{"norelaying", NULL, "Relay denied", "the server refused to relay", false, true, S},
	{"notcompliantrfc", NULL, "Not RFC compliant",
	 "the message broke RFC 5322 (headers, line length)", false, true, S},
	{"contenterror", NULL, "Content error",
	 "the content could not be accepted (MIME, encoding)", false, true, S},
	{"syntaxerror", NULL, "SMTP syntax", "an SMTP command or its syntax was rejected", false,
	 true, S},
	{"mesgtoobig", NULL, "Message too big", "the message is larger than the server accepts",
	 false, true, S},
	{"exceedlimit", NULL, "Over a limit", "over a size or count limit set for the mailbox",
	 false, true, S},
	{"mailboxfull", NULL, "Mailbox full", "the mailbox is over its quota", false, false, T},
	{"expired", NULL, "Expired", "retries gave up: the retry window ran out", false, false, T},
	{"networkerror", NULL, "Network", "DNS or routing trouble on the way", false, false, T},
	{"dnstimeout", "networkerror", "Name server timeout",
	 "looking up the destination timed out", false, false, T},
	{"systemerror", NULL, "System error", "the receiving system failed", false, false, T},
	{"systemfull", NULL, "System full", "the receiving system is out of space", false, false,
	 T},
	{"greylisted", "policyviolation", "Greylisted",
	 "deferred on purpose; retries from the same IP get through", false, false, T},
	{"mailererror", NULL, "Mailer error", "a local delivery program failed", false, false, T},
	{"onhold", NULL, "On hold", "the server said why, but no rule recognised it", false, false,
	 T},
	{"undefined", NULL, "Undefined", "the bounce gives no reason at all", false, false, T},
	{"feedback", NULL, "Complaint", "an ARF complaint (RFC 5965), not a bounce", false, false,
	 N},
	{"vacation", NULL, "Auto-reply", "a vacation or other auto-reply (RFC 3834), not a bounce",
	 false, false, N},
	{"delivered", NULL, "Delivered", "a success notice", false, false, N},
};

const size_t bd_nreasons = sizeof(bd_reasons) / sizeof(bd_reasons[0]);

const struct bd_reason *bd_reason_get(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < bd_nreasons; i++) {
		if (strcmp(bd_reasons[i].id, id) == 0)
			return &bd_reasons[i];
	}
	return NULL;
}

const struct bd_reason *bd_reason_base(const struct bd_reason *r)
{
	if (r && r->refines) {
		const struct bd_reason *b = bd_reason_get(r->refines);
		if (b)
			return b;
	}
	return r;
}

const char *bd_group_name(enum bd_group g)
{
	switch (g) {
	case BD_GROUP_ADDRESS:
		return "address";
	case BD_GROUP_SENDER:
		return "sender";
	case BD_GROUP_TEMPORARY:
		return "temporary";
	case BD_GROUP_NOTBOUNCE:
		return "notbounce";
	}
	return "temporary";
}

const char *bd_group_label(enum bd_group g)
{
	switch (g) {
	case BD_GROUP_ADDRESS:
		return "Address problems";
	case BD_GROUP_SENDER:
		return "Sender-side refusals";
	case BD_GROUP_TEMPORARY:
		return "Temporary";
	case BD_GROUP_NOTBOUNCE:
		return "Not a bounce";
	}
	return "Temporary";
}
