/* codes.c: reply and enhanced status code tables (see codes.h). */
#include "codes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct bd_status_info bd_status_table[] = {
	{"X.0.0", "Other undefined status", NULL},
	{"X.1.0", "Other address status", NULL},
	{"X.1.1", "Bad destination mailbox address", "userunknown"},
	{"X.1.2", "Bad destination system address", "hostunknown"},
	{"X.1.3", "Bad destination mailbox address syntax", "userunknown"},
	{"X.1.4", "Destination mailbox address ambiguous", "userunknown"},
	{"X.1.5", "Destination address valid", "delivered"},
	{"X.1.6", "Destination mailbox has moved, no forwarding address", "hasmoved"},
	{"X.1.7", "Bad sender's mailbox address syntax", "rejected"},
	{"X.1.8", "Bad sender's system address", "rejected"},
	{"X.1.9", "Message relayed to non-compliant mailer", NULL},
	{"X.1.10", "Recipient address has null MX", "notaccept"},
	{"X.2.0", "Other or undefined mailbox status", NULL},
	{"X.2.1", "Mailbox disabled, not accepting messages", "suspend"},
	{"X.2.2", "Mailbox full", "mailboxfull"},
	{"X.2.3", "Message length exceeds administrative limit", "exceedlimit"},
	{"X.2.4", "Mailing list expansion problem", "systemerror"},
	{"X.3.0", "Other or undefined mail system status", "systemerror"},
	{"X.3.1", "Mail system full", "systemfull"},
	{"X.3.2", "System not accepting network messages", "systemerror"},
	{"X.3.3", "System not capable of selected features", "systemerror"},
	{"X.3.4", "Message too big for system", "mesgtoobig"},
	{"X.3.5", "System incorrectly configured", "systemerror"},
	{"X.3.6", "Requested priority was changed", NULL},
	{"X.4.0", "Other or undefined network or routing status", "networkerror"},
	{"X.4.1", "No answer from host", "networkerror"},
	{"X.4.2", "Bad connection", "networkerror"},
	{"X.4.3", "Directory server failure", "networkerror"},
	{"X.4.4", "Unable to route", "hostunknown"},
	{"X.4.5", "Mail system congestion", "systemerror"},
	{"X.4.6", "Routing loop detected", "networkerror"},
	{"X.4.7", "Delivery time expired", "expired"},
	{"X.5.0", "Other or undefined protocol status", NULL},
	{"X.5.1", "Invalid command", "syntaxerror"},
	{"X.5.2", "Syntax error", "syntaxerror"},
	{"X.5.3", "Too many recipients", "toomanyconn"},
	{"X.5.4", "Invalid command arguments", "syntaxerror"},
	{"X.5.5", "Wrong protocol version", "syntaxerror"},
	{"X.5.6", "Authentication exchange line is too long", "syntaxerror"},
	{"X.6.0", "Other or undefined media error", "contenterror"},
	{"X.6.1", "Media not supported", "contenterror"},
	{"X.6.2", "Conversion required and prohibited", "contenterror"},
	{"X.6.3", "Conversion required but not supported", "contenterror"},
	{"X.6.4", "Conversion with loss performed", "contenterror"},
	{"X.6.5", "Conversion failed", "contenterror"},
	{"X.6.6", "Message content not available", "contenterror"},
	{"X.6.7", "Non-ASCII addresses not permitted for that sender/recipient", "contenterror"},
	{"X.6.8", "UTF-8 string reply is required, but not permitted by the SMTP client",
	 "contenterror"},
	{"X.6.9", "UTF-8 header message cannot be transferred to one or more recipients",
	 "contenterror"},
	{"X.6.10", "UTF-8 string reply is required, but not permitted by the SMTP client",
	 "contenterror"},
	{"X.7.0", "Other or undefined security status", "securityerror"},
	{"X.7.1", "Delivery not authorized, message refused", "rejected"},
	{"X.7.2", "Mailing list expansion prohibited", "policyviolation"},
	{"X.7.3", "Security conversion required but not possible", "securityerror"},
	{"X.7.4", "Security features not supported", "securityerror"},
	{"X.7.5", "Cryptographic failure", "securityerror"},
	{"X.7.6", "Cryptographic algorithm not supported", "securityerror"},
	{"X.7.7", "Message integrity failure", "securityerror"},
	{"X.7.8", "Authentication credentials invalid", "securityerror"},
	{"X.7.9", "Authentication mechanism is too weak", "securityerror"},
	{"X.7.10", "Encryption needed", "securityerror"},
	{"X.7.11", "Encryption required for requested authentication mechanism", "securityerror"},
	{"X.7.12", "A password transition is needed", "securityerror"},
	{"X.7.13", "User account disabled", "suspend"},
	{"X.7.14", "Trust relationship required", "securityerror"},
	{"X.7.15", "Priority level is too low", "policyviolation"},
	{"X.7.16", "Message is too big for the specified priority", "mesgtoobig"},
	{"X.7.17", "Mailbox owner has changed", "hasmoved"},
	{"X.7.18", "Domain owner has changed", "hasmoved"},
	{"X.7.19", "RRVS test cannot be completed", "securityerror"},
	{"X.7.20", "No passing DKIM signature found", "authfailure"},
	{"X.7.21", "No acceptable DKIM signature found", "authfailure"},
	{"X.7.22", "No valid author-matched DKIM signature found", "authfailure"},
	{"X.7.23", "SPF validation failed", "authfailure"},
	{"X.7.24", "SPF validation error", "authfailure"},
	{"X.7.25", "Reverse DNS validation failed", "requireptr"},
	{"X.7.26", "Multiple authentication checks failed", "authfailure"},
	{"X.7.27", "Sender address has null MX", "rejected"},
	{"X.7.28", "Mail flood detected", "speeding"},
	{"X.7.29", "ARC validation failure", "authfailure"},
	{"X.7.30", "REQUIRETLS support required", "failedstarttls"},
	{NULL, NULL, NULL},
};

const struct bd_reply_info bd_reply_table[] = {
	{211, "System status, or system help reply", NULL},
	{214, "Help message", NULL},
	{220, "Service ready", NULL},
	{221, "Service closing transmission channel", NULL},
	{235, "Authentication successful", NULL},
	{250, "Requested mail action okay, completed", "delivered"},
	{251, "User not local; will forward", "delivered"},
	{252, "Cannot verify the user, but will accept the message", "delivered"},
	{334, "Server challenge (authentication)", NULL},
	{354, "Start mail input", NULL},
	{421, "Service not available, closing transmission channel", "systemerror"},
	{450, "Mailbox unavailable (busy, or blocked for policy reasons)", NULL},
	{451, "Local error in processing", "systemerror"},
	{452, "Insufficient system storage", "mailboxfull"},
	{454, "Temporary authentication failure / TLS not available", "securityerror"},
	{455, "Server unable to accommodate parameters", "syntaxerror"},
	{500, "Syntax error, command unrecognized", "syntaxerror"},
	{501, "Syntax error in parameters or arguments", "syntaxerror"},
	{502, "Command not implemented", "syntaxerror"},
	{503, "Bad sequence of commands", "syntaxerror"},
	{504, "Command parameter not implemented", "syntaxerror"},
	{521, "Host does not accept mail", "notaccept"},
	{523, "Encryption needed", "securityerror"},
	{530, "Authentication required", "securityerror"},
	{534, "Authentication mechanism is too weak", "securityerror"},
	{535, "Authentication credentials invalid", "securityerror"},
	{538, "Encryption required for requested authentication mechanism", "securityerror"},
	{550, "Mailbox unavailable (not found, no access, or refused by policy)", NULL},
	{551, "User not local", "hasmoved"},
	{552, "Exceeded storage allocation", "mailboxfull"},
	{553, "Mailbox name not allowed", "userunknown"},
	{554, "Transaction failed", NULL},
	{555, "MAIL FROM/RCPT TO parameters not recognized or not implemented", "syntaxerror"},
	{556, "Domain does not accept mail", "notaccept"},
	{0, NULL, NULL},
};

bool bd_status_split(const char *status, int *cls, int *subject, int *detail)
{
	if (!status)
		return false;
	char *end;
	long c = strtol(status, &end, 10);
	if (*end != '.')
		return false;
	long s = strtol(end + 1, &end, 10);
	if (*end != '.')
		return false;
	long d = strtol(end + 1, &end, 10);
	if (*end != '\0' || c < 2 || c > 5 || s < 0 || s > 999 || d < 0 || d > 999)
		return false;
	*cls = (int)c;
	*subject = (int)s;
	*detail = (int)d;
	return true;
}

const struct bd_status_info *bd_status_lookup(const char *status)
{
	int c, s, d;
	if (!bd_status_split(status, &c, &s, &d))
		return NULL;
	char key[16];
	snprintf(key, sizeof(key), "X.%d.%d", s, d);
	for (const struct bd_status_info *i = bd_status_table; i->code; i++) {
		if (strcmp(i->code, key) == 0)
			return i;
	}
	return NULL;
}

const char *bd_status_class_meaning(char cls)
{
	switch (cls) {
	case '2':
		return "Success";
	case '4':
		return "Persistent transient failure";
	case '5':
		return "Permanent failure";
	}
	return "Unknown class";
}

const struct bd_reply_info *bd_reply_lookup(int code)
{
	for (const struct bd_reply_info *i = bd_reply_table; i->code; i++) {
		if (i->code == code)
			return i;
	}
	return NULL;
}

bool bd_status_permanent(const char *status)
{
	int c, s, d;
	if (!bd_status_split(status, &c, &s, &d) || c != 5)
		return false;
	/* The seed table's soft exceptions: the address may work again. */
	static const int soft[][2] = {{2, 0}, {2, 1}, {2, 2}, {3, 1}, {4, 5}, {5, 3}};
	for (size_t i = 0; i < sizeof(soft) / sizeof(soft[0]); i++) {
		if (soft[i][0] == s && soft[i][1] == d)
			return false;
	}
	return true;
}
