/* test_ref_europe.c: the replies European mailbox providers publish for
 * mail they refuse (the 1&1 / IONOS postmaster page "SMTP error messages
 * for the 1&1 mail server" and IONOS's help on undeliverable mail, the
 * typical replies of GMX, WEB.DE and T-Online as German hosts collect
 * them, Libero's help page on the most frequent errors), one case per
 * reply, with the reason the provider's stated cause calls for.  Replies
 * test_provider_docs.c and test_hosting_texts.c already hold are not
 * repeated; replies whose cause the reference leaves open are left out
 * (1&1's "450 Reject due to policy violations.", given for two causes;
 * Orange's OFR004_105 and OFR_506, La Poste's LPN027_503 and LPN007_510,
 * Freenet's "unrouteable address"), as are Libero's "5.4.3 Routing server
 * failure" for a domain that does not exist (RFC 3463 makes X.4.3 a routing
 * trouble) and its 4.x.x notices of a recipient that failed (a failed
 * recipient with a temporary code gave up: expired).
 * Every diagnostic is written for the test in the form the provider's
 * server gives it. */
#include "testrules.h"

/* 1&1 and IONOS (United Internet): the postmaster table of replies. */
static void test_united_internet_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The IP sent to too many addresses that do not exist and is
		 * barred for its poor delivery rate: the sender's standing. */
		{NULL, "421", "421 Reject due to policy violations", "MAIL", "badreputation"},
		/* The service was unavailable for a moment. */
		{NULL, "451", "451 Requested action aborted: local error in processing", "DATA",
		 "systemerror"},
		/* The sending IP on a DNS block list. */
		{"5.7.1", "554",
		 "554 5.7.1 Service unavailable; Client host [192.0.2.60] blocked using "
		 "rbl.orbitrbl.com - IP Black Listed",
		 "RCPT", "blocked"},
		/* GMX: the address does not exist, or its account is inactive. */
		{"5.1.1", "550", "550 5.1.1 <someone@gmx.de>... User is unknown", "RCPT",
		 "userunknown"},
		{"5.2.1", "550", "550 5.2.1 <someone@gmx.de>... User is inactive", "RCPT",
		 "suspend"},
		/* WEB.DE: the address does not exist. */
		{NULL, "550", "550 User unknown.", "RCPT", "userunknown"},
		{NULL, "550", "550 Benutzer nicht bekannt/User unknown", "RCPT", "userunknown"},
		{NULL, "550", "550 Unknown local part someone in <someone@web.de>", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* T-Online (Deutsche Telekom): the address and quota replies. */
static void test_tonline_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550", "550 5.1.1 user unknown", "RCPT", "userunknown"},
		{"5.2.2", "552", "552 5.2.2 Over STORAGE quota", "RCPT", "mailboxfull"},
	};
	CHECK(cases);
}

/* Libero (Italiaonline): its help page names the status texts its notices
 * carry and what each means. */
static void test_libero_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The retry window ran out. */
		{"4.4.7", NULL, "4.4.7 DELIVERY TIME EXPIRED", NULL, "expired"},
		{"5.4.7", NULL, "5.4.7 DELIVERY TIME EXPIRED", NULL, "expired"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_united_internet_reference),
		cmocka_unit_test(test_tonline_reference),
		cmocka_unit_test(test_libero_reference),
	};
	return cmocka_run_group_tests_name("ref_europe", tests, load_defaults, free_defaults);
}
