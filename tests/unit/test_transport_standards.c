/* test_transport_standards.c: refusals tied to newer SMTP extensions and
 * transport security (SMTPUTF8, CHUNKING, DKIM keys, DANE and MTA-STS
 * results) are read from their words when the status code beside them is
 * a generic one.  Every diagnostic here is written for the test. */
#include "testrules.h"

static void test_smtputf8(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* RFC 6531 3.7.4: a non-ASCII address the next hop cannot take. */
		{"5.0.0", "553", "553 Non-ASCII addresses not permitted for that recipient", "RCPT",
		 "contenterror"},
		{"5.0.0", NULL,
		 "SMTPUTF8 is required, but was not offered by host mx.example.net[192.0.2.1]",
		 NULL, "contenterror"},
		{"5.0.0", "554",
		 "554 UTF-8 header message cannot be transferred to one or more recipients", "DATA",
		 "contenterror"},
		/* The SMTPUTF8 parameter itself refused is the command's syntax. */
		{"5.5.4", "555", "555 5.5.4 Unsupported option: SMTPUTF8", "MAIL", "syntaxerror"},
		/* Non-ASCII bytes in a header are the message's form. */
		{"5.0.0", "554", "554 Message header contains non-ASCII characters", "DATA",
		 "notcompliantrfc"},
	};
	CHECK(cases);
}

static void test_dkim_keys(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554",
		 "554 5.7.1 Message rejected: no key for signature d=example.org s=s1", "DATA",
		 "authfailure"},
		{"5.0.0", "550",
		 "550 Signing key too short: RSA keys under 1024 bits are not accepted", "DATA",
		 "authfailure"},
	};
	CHECK(cases);
}

static void test_tls_result_types(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.323", "550", "550 5.7.323 tlsa-invalid: The domain failed DANE validation",
		 NULL, "failedstarttls"},
		{"5.7.322", "550",
		 "550 5.7.322 certificate-expired: Destination mail server's certificate is expired",
		 NULL, "failedstarttls"},
		{"4.0.0", NULL,
		 "dnssec-invalid: Destination domain returned invalid DNSSEC records", NULL,
		 "failedstarttls"},
		{"5.0.0", NULL,
		 "certificate-host-mismatch: Remote certificate must have a name matching the host",
		 NULL, "failedstarttls"},
	};
	CHECK(cases);
}

static void test_chunking(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.0.0", NULL, "BDAT command used when CHUNKING not advertised", NULL,
		 "syntaxerror"},
	};
	CHECK(cases);
}

static void test_size_and_rate_words(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.3", "552", "552 5.2.3 message size exceeds the limit set for this mailbox",
		 "DATA", "exceedlimit"},
		/* A receive connector's per-client message rate. */
		{"4.4.2", "421",
		 "421 4.4.2 Message submission rate for this client has exceeded the configured limit",
		 "MAIL", "speeding"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smtputf8),
		cmocka_unit_test(test_dkim_keys),
		cmocka_unit_test(test_tls_result_types),
		cmocka_unit_test(test_chunking),
		cmocka_unit_test(test_size_and_rate_words),
	};
	return cmocka_run_group_tests_name("transport_standards", tests, load_defaults,
					   free_defaults);
}
