/* test_rarer_wordings.c: wordings of the rarer reasons (a message that
 * broke the RFCs, a refused attachment type, a login the server refused, a
 * TLS handshake that failed) in the servers' own forms, and the near words
 * that must keep their own reasons.  Every diagnostic is written for the
 * test. */
#include "testrules.h"

static void test_rfc_compliance_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", "554", "554 5.0.0 Message not accepted due to failed RFC compliance",
		 "DATA", "notcompliantrfc"},
		{NULL, "550", "550 Message rejected: fails RFC conformance checks", "DATA",
		 "notcompliantrfc"},
		/* Debian's Exim data ACL: verify = header_syntax, and the line
		 * length check. */
		{NULL, "550", "550 header syntax", "DATA", "notcompliantrfc"},
		{NULL, "550", "550 maximum allowed line length is 998 octets, got 1290", "DATA",
		 "notcompliantrfc"},
		/* qmail-smtpd's whole answer to a bare LF. */
		{NULL, "451", "451 See http://pobox.com/~djb/docs/smtplf.html.", "DATA",
		 "notcompliantrfc"},
	};
	CHECK(cases);
}

static void test_refused_file_types(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550", "550 Blacklisted file extension detected", "DATA", "contenterror"},
		{"5.7.1", "554", "554 5.7.1 Message contains a blocklisted attachment type (.iso)",
		 "DATA", "contenterror"},
		{"5.7.1", "550", "550 5.7.1 Banned file name in attachment: invoice.pdf.exe",
		 "DATA", "contenterror"},
		/* A block list of senders or hosts is still one. */
		{"5.7.1", "550", "550 5.7.1 Client host 192.0.2.9 blacklisted", "RCPT", "blocked"},
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using "
		 "zen.spamhaus.org",
		 "RCPT", "blocked"},
	};
	CHECK(cases);
}

static void test_refused_logins(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.3", "535", "535 5.7.3 Authentication unsuccessful [BN8PR04CA0001]", "AUTH",
		 "securityerror"},
		{"5.7.139", "535",
		 "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is "
		 "disabled for the Tenant.",
		 NULL, "securityerror"},
		{NULL, "535", "535 Incorrect authentication data", "AUTH", "securityerror"},
		{"5.7.0", "535", "535 5.7.0 (#AUTH005) Too many bad auth attempts.", NULL,
		 "securityerror"},
		{"5.7.8", "535", "535 5.7.8 Authentication credentials invalid", "AUTH",
		 "securityerror"},
	};
	CHECK(cases);
}

static void test_tls_library_errors(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.0.0", NULL,
		 "TLS session: (gnutls_handshake): A TLS fatal alert has been received.", NULL,
		 "failedstarttls"},
		{"4.0.0", NULL,
		 "TLS error on connection to mx.example.net [192.0.2.4] (SSL_connect): "
		 "error:0A000086:SSL routines::certificate verify failed",
		 NULL, "failedstarttls"},
		/* OpenSMTPD when the peer's certificate does not verify. */
		{"4.0.0", NULL, "SSL certificate check failed", NULL, "failedstarttls"},
		{"4.0.0", NULL,
		 "TLS error on connection to mx.example.net [192.0.2.4] (gnutls_handshake): "
		 "Error in the pull function.",
		 NULL, "failedstarttls"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc_compliance_words),
		cmocka_unit_test(test_refused_file_types),
		cmocka_unit_test(test_refused_logins),
		cmocka_unit_test(test_tls_library_errors),
	};
	return cmocka_run_group_tests_name("rarer_wordings", tests, load_defaults, free_defaults);
}
