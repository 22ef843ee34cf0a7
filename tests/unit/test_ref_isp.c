/* test_ref_isp.c: the replies North American access providers publish in
 * their postmaster error-code tables (Comcast's "Mail delivery error codes"
 * with its BL, ES and RL codes and the older BL001-BL0010 list, Cox's
 * "Error Codes" page, AT&T's mail-block help), one case per listed reply,
 * with the reason the provider's stated cause calls for.  Replies whose
 * cause the reference leaves open (AT&T's "450 busy", Cox's "too many
 * invalid recipients") are left out.  Every diagnostic is written
 * for the test in the form the provider's server gives it. */
#include "testrules.h"

/* Comcast (Xfinity): the codes of its mail delivery error table. */
static void test_comcast_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* ES: sent from dynamic or residential IP space. */
		{NULL, "554",
		 "554 resimta-po-11v.sys.comcast.net comcast 192.0.2.60 Comcast block for "
		 "dynamic/residential IP space. Please see the postmaster page for ES000001",
		 NULL, "blocked"},
		/* BL000000: the IP sent mail in patterns characteristic of spam. */
		{NULL, "554",
		 "554 resimta-po-11v.sys.comcast.net comcast 192.0.2.60 Comcast block for "
		 "spam. Please see the postmaster page for BL000000",
		 NULL, "blocked"},
		/* The other BL codes: one binary digit per block list (Spamhaus ZEN,
		 * Cloudmark CSI, SenderScore). */
		{NULL, "554",
		 "554 resimta-ch2-03v.sys.comcast.net comcast 192.0.2.60 found on one or more "
		 "DNSBLs, see the postmaster page for BL000001",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-ch2-03v.sys.comcast.net comcast 192.0.2.60 found on one or more "
		 "DNSBLs, see the postmaster page for BL000011",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-ch2-03v.sys.comcast.net comcast 192.0.2.60 found on one or more "
		 "DNSBLs, see the postmaster page for BL000101",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-ch2-03v.sys.comcast.net comcast 192.0.2.60 found on one or more "
		 "DNSBLs, see the postmaster page for BL000110",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-ch2-03v.sys.comcast.net comcast 192.0.2.60 found on one or more "
		 "DNSBLs, see the postmaster page for BL000111",
		 NULL, "blocked"},
		/* The older table: BL001-BL0010 are the same block lists under
		 * short codes (BL006: Spamhaus SBL/XBL; BL007: Cloudmark CSI), RL001
		 * its rate limit. */
		{NULL, "554",
		 "554 IMTA12.westchester.pa.mail.comcast.net comcast 192.0.2.60 Comcast BL006 "
		 "Blocked for spam. Please see http://www.comcast.net/help/faq/"
		 "index.jsp?faq=SecurityMail_Policy18850",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 IMTA12.westchester.pa.mail.comcast.net comcast 192.0.2.60 Comcast BL007 "
		 "Blocked for spam. Please see http://www.comcast.net/help/faq/"
		 "index.jsp?faq=SecurityMail_Policy19051",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 IMTA12.westchester.pa.mail.comcast.net comcast 192.0.2.60 Comcast BL0010 "
		 "Blocked for spam. Please see http://www.comcast.net/help/faq/"
		 "index.jsp?faq=SecurityMail_Policy19054",
		 NULL, "blocked"},
		{NULL, "421",
		 "421 IMTA12.westchester.pa.mail.comcast.net comcast 192.0.2.60 Comcast RL001 "
		 "Rate limited. Please see http://www.comcast.net/help/faq/"
		 "index.jsp?faq=SecurityMail_Policy19161",
		 NULL, "speeding"},
		/* RL codes in the current table: its rate limits. */
		{"4.2.0", "452",
		 "452 4.2.0 resimta-po-11v.sys.comcast.net comcast 192.0.2.60 Throttled - see "
		 "the postmaster page for RL000001",
		 "RCPT", "speeding"},
		/* 421 Too many sessions: more simultaneous connections than allowed. */
		{NULL, "421",
		 "421 resimta-po-11v.sys.comcast.net comcast Too many sessions opened from "
		 "192.0.2.60",
		 "CONN", "toomanyconn"},
	};
	CHECK(cases);
}

/* Cox: the codes of its postmaster "Error Codes" page, as AUP#CODE. */
static void test_cox_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes for more information. AUP#CXBL",
		 "CONN", "blocked"},
		/* IPBL: one binary digit per DNSBL (Spamhaus ZEN, Return Path,
		 * Invaluement ivmSIP, Cloudmark CSI). */
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL0010",
		 "CONN", "blocked"},
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL0100",
		 "CONN", "blocked"},
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL0011",
		 "CONN", "blocked"},
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL0111",
		 "CONN", "blocked"},
		{NULL, "554",
		 "554 cxr.mx.a.cox.net cxr 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL1111",
		 "CONN", "blocked"},
		/* CDRBL: the same block, for at most a day. */
		{NULL, "421",
		 "421 cxr.mx.a.cox.net cxr 192.0.2.61 temporarily rejected. Refer to Error "
		 "Codes section at https://www.cox.com/internet/mail-error-codes. AUP#CDRBL",
		 "CONN", "blocked"},
		/* CXCNCT: more concurrent connections than Cox allows one IP. */
		{NULL, "421",
		 "421 cmsmtp blocked. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#CXCNCT",
		 "CONN", "toomanyconn"},
		/* CXMXRT: the sender went over the messages it may send. */
		{NULL, "421",
		 "421 cmsmtp 192.0.2.61 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#CXMXRT",
		 "MAIL", "speeding"},
		/* Message threshold exceeded: one of Cox's rate limits. */
		{NULL, "452", "452 cmsmtp Message threshold exceeded", "RCPT", "speeding"},
		/* CXSNDR: the sender's domain has no MX or A record, or fails its
		 * SPF or DKIM: the envelope sender is refused. */
		{NULL, "550",
		 "550 <bounce@example.org> sender rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#CXSNDR",
		 "MAIL", "rejected"},
		/* CXDNS: the connecting IP's reverse DNS (PTR) lookup failed. */
		{NULL, "421",
		 "421 cxr.mx.a.cox.net cxr 192.0.2.61 DNS check failed. Refer to Error Codes "
		 "section at https://www.cox.com/internet/mail-error-codes. AUP#CXDNS",
		 "CONN", "requireptr"},
		/* CXSMTP: the client broke the SMTP protocol. */
		{NULL, "550",
		 "550 cxr.mx.a.cox.net cxr 192.0.2.61 protocol violation. Refer to Error Codes "
		 "section at https://www.cox.com/internet/mail-error-codes. AUP#CXSMTP",
		 NULL, "syntaxerror"},
	};
	CHECK(cases);
}

/* AT&T (att.net, bellsouth.net, sbcglobal.net): its mail-block help. */
static void test_att_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The sending IP is on AT&T's own block list or a public one. */
		{"5.3.0", "553",
		 "553 5.3.0 flpd575 DNSBL:RBL 521< 192.0.2.62 >_is_blocked.For assistance "
		 "forward this error to abuse_rbl@abuse-att.net",
		 "CONN", "blocked"},
		{"5.3.0", "553",
		 "553 5.3.0 alph137 DNSBL:ATTRBL 521< 192.0.2.62 >_is_blocked.For assistance "
		 "forward this error to abuse_rbl@abuse-att.net",
		 "CONN", "blocked"},
		{NULL, "521",
		 "521 5.3.0 Mail from IP 192.0.2.62 blocked. Contact abuse_rbl@abuse-att.net",
		 "CONN", "blocked"},
		/* The identity of the sending system could not be checked in the
		 * DNS: its records need fixing, not the envelope sender. */
		{NULL, "550", "550 [permfail] bellsouth.net requires valid sender domain", "MAIL",
		 "requireptr"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comcast_reference),
		cmocka_unit_test(test_cox_reference),
		cmocka_unit_test(test_att_reference),
	};
	return cmocka_run_group_tests_name("ref_isp", tests, load_defaults, free_defaults);
}
