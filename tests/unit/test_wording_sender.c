/* test_wording_sender.c: other words for the refusals that are about the
 * sender, its host, its message or the session rather than the recipient's
 * address -- the sending IP refused or without reverse DNS, its reputation,
 * spam, viruses, content and policy, authentication of the sending domain,
 * the envelope sender, relaying, TLS and security requirements, rates and
 * connection limits, and messages that break RFC 5322.  Each text is
 * written for the test in the way real servers word such replies: with an
 * enhanced status code, with only the reply code, or with none, and at the
 * stage where the server gives it (NULL where that is not fixed).  The
 * reason follows from what the text says (DOMAIN.md's vocabulary); the
 * finer category greylisted is named where it applies.  Each case is a
 * reply relayed by the sender's MTA (verdict_with). */
#include "testrules.h"

/* Each case names its finer category (greylisted) where it has one. */
#undef CHECK
#define CHECK(cases) CHECK_CATEGORIES(cases)

/* The sending IP or host refused: a DNS list, a local block list, address
 * space that should not send directly. */
static void test_blocked(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 Rejecting mail, 192.0.2.10 is blacklisted", NULL,
		 "blocked"},
		{"5.7.1", "553",
		 "553 5.7.1 Connections will not be accepted from 192.0.2.10, because the ip is in "
		 "Spamhaus's list",
		 "CONN", "blocked"},
		{"5.7.1", "554", "554 5.7.1 Your IP address 192.0.2.10 has been blocked", "CONN",
		 "blocked"},
		{NULL, "550", "550 Mail from 192.0.2.10 refused - see the list at bl.example.net",
		 "CONN", "blocked"},
		{"5.7.1", "550", "550 5.7.1 Client address [192.0.2.10] listed in bl.example.net",
		 "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Access denied: your IP address is on our local blocklist", "CONN",
		 "blocked"},
		{"5.7.1", "521", "521 5.7.1 mx.example.com does not accept mail from 192.0.2.10",
		 "CONN", "blocked"},
		{"5.7.0", "550",
		 "550 5.7.0 Dynamic IP addresses are not allowed to send mail directly; use your "
		 "provider's relay",
		 "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Residential IP space is not permitted to deliver mail directly", "CONN",
		 "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Message rejected because the sending host 192.0.2.10 is on a DNS "
		 "blacklist",
		 NULL, "blocked"},
		{NULL, "554", "554 Connection rejected: your host is listed in a DNSBL", "CONN",
		 "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Connection refused: IP 192.0.2.10 is listed on the Barracuda Reputation "
		 "Block List",
		 "CONN", "blocked"},
		{NULL, "554", "554 mx.example.com ESMTP not accepting connections from 192.0.2.10",
		 "CONN", "blocked"},
		{"4.7.1", "421", "421 4.7.1 Your IP address is temporarily blocked", "CONN",
		 "blocked"},
		{NULL, "550", "550 Denied: IP 192.0.2.10 is banned from this server", "CONN",
		 "blocked"},
		{"5.7.1", "554", "554 5.7.1 Mail from dial-up or DSL connections is not accepted",
		 "CONN", "blocked"},
		{"5.7.0", "550", "550 5.7.0 Sending host is blacklisted on this server", NULL,
		 "blocked"},
		{NULL, "554", "554 Refused. You are on a block list; see http://www.example.net/bl",
		 "CONN", "blocked"},
	};
	CHECK(cases);
}

/* The sending IP without a usable PTR record, or one that does not confirm
 * forward. */
static void test_requireptr(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "501", "501 5.7.1 <alice@example.org>... Sender IP must resolve", NULL,
		 "requireptr"},
		{NULL, "554", "554 mx.example.com no DNS reverse for 192.0.2.10", "CONN",
		 "requireptr"},
		{NULL, "550",
		 "550 The IP address 192.0.2.10 does not properly resolve for reverse lookup",
		 "CONN", "requireptr"},
		{"5.7.1", "550", "550 5.7.1 no host name found for IP address 192.0.2.10", "RCPT",
		 "requireptr"},
		{NULL, "451",
		 "451 Could not resolve your hostname 192.0.2.10, please try again later", "CONN",
		 "requireptr"},
		{NULL, "554", "554 Your server's IP address does not have a valid host name",
		 "CONN", "requireptr"},
		{"4.7.1", "450", "450 4.7.1 Unable to verify the host name of your IP address",
		 "CONN", "requireptr"},
		{"5.7.1", "550",
		 "550 5.7.1 Forward-confirmed reverse DNS check failed for 192.0.2.10", "CONN",
		 "requireptr"},
		{NULL, "421", "421 Your IP 192.0.2.10 has no hostname. Closing connection.", "CONN",
		 "requireptr"},
		{"5.7.1", "550",
		 "550 5.7.1 The host name for 192.0.2.10 does not resolve back to this address",
		 "CONN", "requireptr"},
		{NULL, "550", "550 Hostname lookup for 192.0.2.10 failed", "CONN", "requireptr"},
		{"4.7.1", "450", "450 4.7.1 Reverse lookup of your IP address failed, try later",
		 "CONN", "requireptr"},
		{NULL, "554", "554 Rejected: the connecting IP has no PTR entry", "CONN",
		 "requireptr"},
		{"5.7.1", "550", "550 5.7.1 Missing reverse DNS record for 192.0.2.10", "CONN",
		 "requireptr"},
		{NULL, "550", "550 Client IP address has no matching host name", "CONN",
		 "requireptr"},
		{"5.7.1", "553", "553 5.7.1 IP name lookup failed [192.0.2.10]", "RCPT",
		 "requireptr"},
		{"5.7.1", "554", "554 5.7.1 PTR record of 192.0.2.10 is missing or generic", "CONN",
		 "requireptr"},
		{NULL, "550", "550 Your IP address does not resolve to a host name", "CONN",
		 "requireptr"},
	};
	CHECK(cases);
}

/* Refused or deferred for the sender's reputation. */
static void test_badreputation(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 Message rejected due to sender IP reputation ([192.0.2.10])",
		 "RCPT", "badreputation"},
		{"5.7.1", "550",
		 "550 5.7.1 This message is likely suspicious due to the very low reputation of the "
		 "sending domain",
		 "DATA", "badreputation"},
		{"4.7.0", "421", "421 4.7.0 Connection refused - SenderScore too low", "CONN",
		 "badreputation"},
		{"5.7.1", "554", "554 5.7.1 Rejected due to low IP reputation score", "CONN",
		 "badreputation"},
		{"4.7.1", "451", "451 4.7.1 Deferred: the sending domain has a negative reputation",
		 "RCPT", "badreputation"},
		{"5.7.1", "550",
		 "550 5.7.1 Mail from your IP is refused because of its reputation with our filters",
		 "RCPT", "badreputation"},
		{NULL, "421", "421 Temporarily deferred: sender reputation is under review", "CONN",
		 "badreputation"},
		{"4.7.0", "421",
		 "421 4.7.0 Messages from 192.0.2.10 temporarily deferred due to unexpected volume or "
		 "user complaints",
		 "CONN", "badreputation"},
		{"5.7.1", "554",
		 "554 5.7.1 Rejected: domain reputation of example.org is too poor to accept mail",
		 "DATA", "badreputation"},
		{NULL, "550", "550 Refused: the sending IP has a bad reputation", "CONN",
		 "badreputation"},
		{"4.7.1", "450",
		 "450 4.7.1 Mail from this IP is deferred for its poor reputation; try again later",
		 "RCPT", "badreputation"},
		{"5.7.1", "550",
		 "550 5.7.1 Rejected by reputation filter: sender domain is too new", "RCPT",
		 "badreputation"},
		{NULL, "554", "554 Sender reputation check failed", "RCPT", "badreputation"},
		{"4.7.0", "421",
		 "421 4.7.0 Throttled: IP reputation too low for the current volume", "CONN",
		 "badreputation"},
	};
	CHECK(cases);
}

/* Content judged to be spam. */
static void test_spamdetected(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 High probability of spam", "DATA", "spamdetected"},
		{NULL, "551", "551 Denied for Spam", "DATA", "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Message blocked: bulk email is not accepted", "DATA",
		 "spamdetected"},
		{"5.6.0", "554", "554 5.6.0 Message rejected: Suspected junk e-mail", "DATA",
		 "spamdetected"},
		{"5.7.1", "554", "554 5.7.1 Message contains a URL listed in a spam URI blocklist",
		 "DATA", "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Rejected: message looks like junk email", "DATA",
		 "spamdetected"},
		{"5.7.1", "554", "554 5.7.1 Message rejected by anti-spam engine", "DATA",
		 "spamdetected"},
		{NULL, "550", "550 Message refused as unsolicited bulk email", "DATA",
		 "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 This message was determined to be spam by our filters",
		 "DATA", "spamdetected"},
		{"5.7.0", "554", "554 5.7.0 Message blocked: spam content detected", "DATA",
		 "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Message considered junk by the recipient's filters",
		 NULL, "spamdetected"},
		{NULL, "554", "554 Your message was rejected because it contains spam-like content",
		 "DATA", "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Message has a spam score too high to accept", "DATA",
		 "spamdetected"},
		{"5.7.1", "554", "554 5.7.1 Rejected: the message body matched known spam", "DATA",
		 "spamdetected"},
		{"5.7.1", "550", "550 5.7.1 Message rejected as junk mail", "DATA", "spamdetected"},
		{"5.7.1", "554",
		 "554 5.7.1 The message contains links to domains listed as spam sources", "DATA",
		 "spamdetected"},
		{"4.7.1", "451", "451 4.7.1 Message looks spammy, try again later", "DATA",
		 "spamdetected"},
	};
	CHECK(cases);
}

/* Content judged to carry a virus or other malware. */
static void test_virusdetected(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 E-mail message contained a virus", "DATA", "virusdetected"},
		{"5.7.1", "550", "550 5.7.1 Message rejected: ransomware detected in attachment",
		 "DATA", "virusdetected"},
		{NULL, "550", "550 Spyware detected in message", "DATA", "virusdetected"},
		{"5.7.1", "554", "554 5.7.1 Sophos Anti-Virus found W32/Netsky-P", "DATA",
		 "virusdetected"},
		{"5.7.0", "554", "554 5.7.0 Message contains malicious content", "DATA",
		 "virusdetected"},
		{"5.7.1", "550", "550 5.7.1 Rejected: Eicar-Test-Signature FOUND", "DATA",
		 "virusdetected"},
		{"5.7.1", "554",
		 "554 5.7.1 The message was rejected because it carries a known threat: "
		 "Win.Trojan.Agent-12345",
		 "DATA", "virusdetected"},
		{NULL, "552", "552 Message contains a computer worm", "DATA", "virusdetected"},
		{"5.7.1", "550", "550 5.7.1 Infected attachment rejected", "DATA", "virusdetected"},
		{"5.7.0", "554", "554 5.7.0 Message blocked: a macro virus was found in report.doc",
		 "DATA", "virusdetected"},
		{"5.7.1", "550", "550 5.7.1 Message quarantined: malware signature match", "DATA",
		 "virusdetected"},
		{NULL, "554", "554 Rejected: attachment is a known malicious executable", "DATA",
		 "virusdetected"},
		{"5.7.1", "550",
		 "550 5.7.1 Our scanner identified harmful software in this message", "DATA",
		 "virusdetected"},
		{"5.7.1", "554", "554 5.7.1 Message rejected: contains Heuristics.Trojan.Generic",
		 "DATA", "virusdetected"},
		{NULL, "550", "550 Rejected: viral content found", "DATA", "virusdetected"},
	};
	CHECK(cases);
}

/* The content's form refused: attachment types, MIME, encodings. */
static void test_contenterror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "500",
		 "500 These attachments are not allowed -- compress them before mailing", "DATA",
		 "contenterror"},
		{"5.7.0", "552",
		 "552 5.7.0 Our system detected an illegal attachment on your message", "DATA",
		 "contenterror"},
		{"5.7.1", "554", "554 5.7.1 Attachment type .exe is not permitted", "DATA",
		 "contenterror"},
		{"5.7.1", "550", "550 5.7.1 Executable attachments are not accepted", "DATA",
		 "contenterror"},
		{"5.6.1", "554", "554 5.6.1 Body type not supported by remote host", "DATA",
		 "contenterror"},
		{"5.6.3", "550", "550 5.6.3 Conversion required but not supported", "DATA",
		 "contenterror"},
		{"5.6.0", "554", "554 5.6.0 Error: invalid Content-Transfer-Encoding", "DATA",
		 "contenterror"},
		{NULL, "550", "550 Password-protected archives are not allowed", "DATA",
		 "contenterror"},
		{"5.7.0", "550", "550 5.7.0 Message rejected: contains an encrypted attachment",
		 "DATA", "contenterror"},
		{"5.7.1", "550", "550 5.7.1 File extension .js is blocked by policy", "DATA",
		 "contenterror"},
		{"5.6.0", "554",
		 "554 5.6.0 STOREDRV.Deliver.Exception:ConversionFailedException; Content conversion: "
		 "Corrupt content",
		 "DATA", "contenterror"},
		{"5.6.0", "550", "550 5.6.0 Message rejected: malformed MIME structure", "DATA",
		 "contenterror"},
		{"5.6.1", "554", "554 5.6.1 Unsupported character set in message body", "DATA",
		 "contenterror"},
		{NULL, "550", "550 Attachments containing macros are not accepted", "DATA",
		 "contenterror"},
		{"5.7.1", "552", "552 5.7.1 Files of this type cannot be attached: .scr", "DATA",
		 "contenterror"},
		{"5.6.0", "554", "554 5.6.0 Broken MIME boundary in message", "DATA",
		 "contenterror"},
		{NULL, "554", "554 Rejected: disallowed file type in attachment", "DATA",
		 "contenterror"},
	};
	CHECK(cases);
}

/* Refused by the receiver's policy, and greylisting. */
static void test_policyviolation(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 Denied by policy", "RCPT", "policyviolation"},
		{"5.7.1", "550", "550 5.7.1 Rejected by policy", "RCPT", "policyviolation"},
		{"5.7.1", "554", "554 5.7.1 Message refused by recipient's policy", "DATA",
		 "policyviolation"},
		{"5.7.1", "550", "550 5.7.1 Rejected: against the acceptable use policy", "DATA",
		 "policyviolation"},
		{"5.7.1", "554", "554 5.7.1 Message blocked by the receiving organization's policy",
		 "DATA", "policyviolation"},
		{"5.7.1", "550",
		 "550 5.7.1 Your message was rejected by the recipient domain's mail policy",
		 "DATA", "policyviolation"},
		{"5.7.1", "550",
		 "550 5.7.1 Messages to this recipient are restricted to internal senders", "RCPT",
		 "policyviolation"},
		{"5.7.1", "550", "550 5.7.1 Message denied by administrator rules", "DATA",
		 "policyviolation"},
		{NULL, "554", "554 Rejected by a rule set by the domain administrator", "DATA",
		 "policyviolation"},
		{"5.7.1", "553", "553 5.7.1 Refused by mail policy", "RCPT", "policyviolation"},
		{"5.7.1", "550", "550 5.7.1 Blocked by policy rule 12", "DATA", "policyviolation"},
		{"4.7.1", "451", "451 4.7.1 You are greylisted, try again in 5 minutes", "RCPT",
		 "greylisted"},
		{"4.7.0", "450", "450 4.7.0 Temporarily rejected by greylist, retry later", "RCPT",
		 "greylisted"},
		{NULL, "451", "451 Temporary failure: message greylisted", "DATA", "greylisted"},
		{"4.7.1", "451", "451 4.7.1 Graylisted, please retry in a few minutes", "RCPT",
		 "greylisted"},
	};
	CHECK(cases);
}

/* SPF, DKIM, DMARC, Sender ID: the sending domain not authenticated. */
static void test_authfailure(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 Message failed sender authentication", "DATA",
		 "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Signature verification failed", "DATA", "authfailure"},
		{"5.7.1", "554", "554 5.7.1 Message signature did not verify (bad signature)",
		 "DATA", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Message rejected: Sender ID check failed", "DATA",
		 "authfailure"},
		{"5.7.1", "550", "550 5.7.1 SenderID (PRA) check failed", "DATA", "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 Rejected: the domain in the From header failed alignment", "DATA",
		 "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 example.org does not designate 192.0.2.10 as a permitted sender",
		 "RCPT", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Reject due to failed domain authentication", "DATA",
		 "authfailure"},
		{NULL, "550",
		 "550 The sending server is not authorized to send mail for example.org", "RCPT",
		 "authfailure"},
		{"5.7.1", "554",
		 "554 5.7.1 Message rejected: could not verify the sender's domain signature",
		 "DATA", "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Mail rejected: SPF hard fail for example.org", "RCPT",
		 "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Message rejected: DomainKey signature invalid", "DATA",
		 "authfailure"},
		{"5.7.1", "550", "550 5.7.1 Sender authentication failed for example.org", "RCPT",
		 "authfailure"},
		{NULL, "554", "554 Forged sender domain: authentication check failed", "DATA",
		 "authfailure"},
	};
	CHECK(cases);
}

/* The envelope sender or its domain refused. */
static void test_rejected(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550", "550 5.7.1 Your sender address is on our blocklist", "RCPT",
		 "rejected"},
		{NULL, "553", "553 5.7.1 From address not allowed", "MAIL", "rejected"},
		{NULL, "550", "550 Invalid sender domain", NULL, "rejected"},
		{"5.7.60", "550",
		 "550 5.7.60 SMTP; Client does not have permissions to send as this sender", NULL,
		 "rejected"},
		{NULL, "550", "550 The sending domain has been blocked", NULL, "rejected"},
		{"5.7.1", "554", "554 5.7.1 Sender domain is on a blocklist", "RCPT", "rejected"},
		{"5.1.8", "553", "553 5.1.8 Unroutable sender address", NULL, "rejected"},
		{"5.7.1", "550", "550 5.7.1 Mail from this sender domain is not accepted", "MAIL",
		 "rejected"},
		{NULL, "550", "550 Sender domain has been banned", NULL, "rejected"},
		{"5.1.7", "550", "550 5.1.7 Invalid sender address", NULL, "rejected"},
		{NULL, "550", "550 Return path domain does not exist", NULL, "rejected"},
		{"5.7.1", "550", "550 5.7.1 Sender's domain is blacklisted", NULL, "rejected"},
		{"5.1.0", "550", "550 5.1.0 Sender address is not permitted", "MAIL", "rejected"},
		{"5.7.1", "550", "550 5.7.1 Sender address does not exist on the sender's domain",
		 NULL, "rejected"},
		{NULL, "550", "550 Bad MAIL FROM address", NULL, "rejected"},
		{"5.1.8", "501", "501 5.1.8 Sender domain does not resolve", NULL, "rejected"},
	};
	CHECK(cases);
}

/* Relaying refused. */
static void test_norelaying(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "553", "553 Relay denied", "RCPT", "norelaying"},
		{"5.7.1", "550", "550 5.7.1 Unauthorized relay attempt", "RCPT", "norelaying"},
		{"5.4.0", "550", "550 5.4.0 Relay attempt blocked", "RCPT", "norelaying"},
		{NULL, "554", "554 Open relay not allowed", "RCPT", "norelaying"},
		{"5.7.1", "550",
		 "550 5.7.1 mx.example.com is not the final destination for example.net", "RCPT",
		 "norelaying"},
		{NULL, "550", "550 Relaying mail to example.net is not allowed", "RCPT",
		 "norelaying"},
		{"5.7.1", "550", "550 5.7.1 Relay access not granted for your IP", "RCPT",
		 "norelaying"},
		{NULL, "550", "550 This server does not relay mail", "RCPT", "norelaying"},
		{"5.7.1", "550", "550 5.7.1 Relaying is prohibited from your network", "RCPT",
		 "norelaying"},
		{NULL, "550", "550 Host does not accept mail for this domain; no relaying", "RCPT",
		 "norelaying"},
		{"5.7.1", "550", "550 5.7.1 Recipient domain is not hosted here; relay refused",
		 "RCPT", "norelaying"},
		{NULL, "571", "571 Relay not authorized", "RCPT", "norelaying"},
	};
	CHECK(cases);
}

/* A security requirement of the receiver not met: TLS required before
 * mail, authentication required or rejected, weak mechanisms. */
static void test_securityerror(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.8", "535", "535 5.7.8 Authentication credentials invalid", "AUTH",
		 "securityerror"},
		{"5.7.11", "538",
		 "538 5.7.11 Encryption required for requested authentication mechanism", "AUTH",
		 "securityerror"},
		{"5.7.9", "534", "534 5.7.9 Authentication mechanism is too weak", "AUTH",
		 "securityerror"},
		{"5.7.3", "535", "535 5.7.3 Authentication unsuccessful", "AUTH", "securityerror"},
		{NULL, "535", "535 Invalid login or password", "AUTH", "securityerror"},
		{"5.7.0", "550", "550 5.7.0 Message rejected: TLS 1.2 or higher is required",
		 "MAIL", "securityerror"},
		{"5.7.3", "451", "451 5.7.3 STARTTLS is required to send mail", "MAIL",
		 "securityerror"},
		{"5.7.0", "530", "530 5.7.0 Secure connection required", "MAIL", "securityerror"},
		{"5.7.1", "554", "554 5.7.1 Mandatory TLS is required for this domain", "MAIL",
		 "securityerror"},
		{"5.7.0", "530", "530 5.7.0 Please authenticate first", "MAIL", "securityerror"},
		{NULL, "530", "530 SMTP AUTH is required to send mail", "MAIL", "securityerror"},
		{"5.7.1", "550", "550 5.7.1 Unencrypted connections are not accepted", "MAIL",
		 "securityerror"},
		{"5.7.0", "535", "535 5.7.0 Username and password incorrect", "AUTH",
		 "securityerror"},
		{"5.7.0", "530", "530 5.7.0 Login required before sending mail", "MAIL",
		 "securityerror"},
		{"5.7.1", "550", "550 5.7.1 Plain-text connections are refused; use STARTTLS",
		 "MAIL", "securityerror"},
	};
	CHECK(cases);
}

/* The TLS handshake or its verification failed. */
static void test_failedstarttls(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.0", "454", "454 4.7.0 TLS not available due to local problem", "STARTTLS",
		 "failedstarttls"},
		{NULL, NULL, "SSL_connect error to mx.example.com[192.0.2.25]:25: -1", NULL,
		 "failedstarttls"},
		{NULL, NULL,
		 "TLS session failure: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert "
		 "handshake failure",
		 NULL, "failedstarttls"},
		{NULL, NULL,
		 "Server certificate verification failed: unable to get local issuer certificate",
		 NULL, "failedstarttls"},
		{NULL, NULL, "TLS connection failed: no shared cipher", NULL, "failedstarttls"},
		{NULL, NULL, "DANE TLSA verification failed for mx.example.com", NULL,
		 "failedstarttls"},
		{NULL, NULL,
		 "MTA-STS policy enforcement failed: certificate does not match mx.example.com",
		 NULL, "failedstarttls"},
		{NULL, NULL, "Hostname mismatch in server certificate of mx.example.com", NULL,
		 "failedstarttls"},
		{"4.7.5", "421", "421 4.7.5 TLS negotiation failed", "STARTTLS", "failedstarttls"},
		{NULL, NULL, "TLS handshake timed out with mx.example.com", NULL, "failedstarttls"},
		{"4.4.0", NULL, "STARTTLS failed: peer closed connection during handshake", NULL,
		 "failedstarttls"},
		{NULL, NULL, "Certificate has expired for mx.example.com", NULL, "failedstarttls"},
		{NULL, NULL, "Unable to negotiate a secure connection with mx.example.com", NULL,
		 "failedstarttls"},
	};
	CHECK(cases);
}

/* Too many messages in a short time. */
static void test_speeding(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "451", "451 Ratelimit exceeded, try again later", "RCPT", "speeding"},
		{"4.7.1", "451", "451 4.7.1 Sending rate too high, please try later", "RCPT",
		 "speeding"},
		{"5.7.1", "550", "550 5.7.1 Daily message quota exceeded", "MAIL", "speeding"},
		{NULL, "421", "421 Sending limit exceeded for this domain", "MAIL", "speeding"},
		{NULL, "550", "550 Outbound message limit exceeded", "MAIL", "speeding"},
		{"4.7.0", "450", "450 4.7.0 Rate limited, please retry later", "RCPT", "speeding"},
		{"4.7.1", "451", "451 4.7.1 You are sending too many messages per minute", "RCPT",
		 "speeding"},
		{NULL, "452", "452 Hourly send limit reached", "MAIL", "speeding"},
		{"4.7.0", "421", "421 4.7.0 Message rate exceeds the limit for your IP", "CONN",
		 "speeding"},
		{"4.7.1", "450", "450 4.7.1 Too many messages sent recently; wait and retry",
		 "RCPT", "speeding"},
		{NULL, "421", "421 Temporary rate limit on this domain, please slow down", "CONN",
		 "speeding"},
		{"4.2.1", "450", "450 4.2.1 Recipient is receiving mail too fast, try again later",
		 "RCPT", "speeding"},
		{"5.4.5", "550", "550 5.4.5 Daily sending quota exceeded", "MAIL", "speeding"},
		{"4.7.1", "451", "451 4.7.1 Messages per hour limit exceeded", "RCPT", "speeding"},
		{NULL, "421", "421 Delivery rate exceeded, deferring", "CONN", "speeding"},
		{"4.7.0", "421", "421 4.7.0 Too many messages, slow down", "RCPT", "speeding"},
	};
	CHECK(cases);
}

/* Too many connections at once or recipients in one transaction. */
static void test_toomanyconn(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.5.3", "452", "452 4.5.3 Recipient limit exceeded", "RCPT", "toomanyconn"},
		{NULL, "421", "421 Cannot accept more connections from your host", "CONN",
		 "toomanyconn"},
		{"4.7.0", "421", "421 4.7.0 Concurrency limit exceeded", "CONN", "toomanyconn"},
		{"4.7.0", "421",
		 "421 4.7.0 Your IP has reached the maximum number of parallel connections", "CONN",
		 "toomanyconn"},
		{"4.3.2", "421", "421 4.3.2 Service not available, connection limit reached",
		 "CONN", "toomanyconn"},
		{NULL, "421", "421 Too many SMTP sessions for this host", "CONN", "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Sorry, max recipients per message reached", "RCPT",
		 "toomanyconn"},
		{"4.7.0", "421",
		 "421 4.7.0 Connection refused: maximum connections per IP exceeded", "CONN",
		 "toomanyconn"},
		{NULL, "421", "421 Too many concurrent connections from 192.0.2.10", "CONN",
		 "toomanyconn"},
		{"5.5.3", "550", "550 5.5.3 Error: too many recipients (max 50)", "RCPT",
		 "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Too many recipients for this message", "RCPT",
		 "toomanyconn"},
		{NULL, "421", "421 Connection limit for your IP address reached", "CONN",
		 "toomanyconn"},
		{"4.7.0", "421", "421 4.7.0 Too many parallel connections, try again later", "CONN",
		 "toomanyconn"},
		{NULL, "452", "452 Recipient count limit reached, send the rest in a new message",
		 "RCPT", "toomanyconn"},
		{"4.3.2", "421", "421 4.3.2 Maximum concurrent sessions exceeded", "CONN",
		 "toomanyconn"},
	};
	CHECK(cases);
}

/* The message breaks RFC 5322 (or RFC 5321's line limits). */
static void test_notcompliantrfc(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.6.0", "550", "550 5.6.0 Message rejected: Date header is missing", "DATA",
		 "notcompliantrfc"},
		{NULL, "550", "550 Header contains invalid characters", "DATA", "notcompliantrfc"},
		{"5.7.1", "550", "550 5.7.1 The From header contains an invalid address", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Missing required header: Date", "DATA",
		 "notcompliantrfc"},
		{"5.7.1", "550", "550 5.7.1 Message-ID header is invalid", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "550", "550 5.6.0 Lone CR or LF in headers", "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550 5.7.1 Message does not comply with Internet message format standards", "DATA",
		 "notcompliantrfc"},
		{NULL, "554", "554 Message has two Date headers", "DATA", "notcompliantrfc"},
		{"5.6.0", "550", "550 5.6.0 The message has no Date or From header", "DATA",
		 "notcompliantrfc"},
		{"5.7.1", "550", "550 5.7.1 Messages with an empty From header are not accepted",
		 "DATA", "notcompliantrfc"},
		{NULL, "550", "550 Malformed message headers", "DATA", "notcompliantrfc"},
		{"5.6.0", "554", "554 5.6.0 Message violates RFC 5321 line length limit", "DATA",
		 "notcompliantrfc"},
		{"5.6.0", "550", "550 5.6.0 Header field syntax error in From", "DATA",
		 "notcompliantrfc"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocked),         cmocka_unit_test(test_requireptr),
		cmocka_unit_test(test_badreputation),   cmocka_unit_test(test_spamdetected),
		cmocka_unit_test(test_virusdetected),   cmocka_unit_test(test_contenterror),
		cmocka_unit_test(test_policyviolation), cmocka_unit_test(test_authfailure),
		cmocka_unit_test(test_rejected),        cmocka_unit_test(test_norelaying),
		cmocka_unit_test(test_securityerror),   cmocka_unit_test(test_failedstarttls),
		cmocka_unit_test(test_speeding),        cmocka_unit_test(test_toomanyconn),
		cmocka_unit_test(test_notcompliantrfc),
	};
	return cmocka_run_group_tests_name("wording sender", tests, load_defaults, free_defaults);
}
