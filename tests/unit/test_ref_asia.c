/* test_ref_asia.c: the replies Asian and Russian mailbox providers publish
 * in their reference tables (NetEase's list of bounce codes for 163.com,
 * 126.com and yeah.net, Yandex's help on non-delivery reports, Tencent QQ
 * Mail's help on bounce codes, Mail.ru's postmaster help, Daum's table of
 * its SMTP replies), one case per reply, with the reason the provider's
 * stated cause calls for.  Replies test_provider_docs.c already holds are
 * not repeated; replies whose cause the reference leaves open (NetEase's
 * MI:CCL and RP:CCL "too many commands", MI:IMF "sender address not
 * well-formed", MI:STC "too many connections today", DT:SUM "envelope and
 * header sender differ", its submission-side replies; QQ's "Suspected spam
 * sender" and "Error: content rejected") are left out.  Every diagnostic is
 * written for the test in the form the provider's server gives it. */
#include "testrules.h"

/* NetEase: the codes after "421", "450", "451", "550", "554" name the cause. */
static void test_netease_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* HL:REP, HL:MEP: the IP behaves abnormally and is shut out. */
		{NULL, "421", "421 HL:REP 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL, "blocked"},
		{NULL, "421", "421 HL:MEP 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL, "blocked"},
		/* HL:ICC: too many concurrent connections from the IP. */
		{NULL, "421", "421 HL:ICC 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL,
		 "toomanyconn"},
		/* HL:IFC: too many messages from the IP in a short time. */
		{NULL, "421", "421 HL:IFC 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL,
		 "speeding"},
		/* MI:CEL, RP:CEL: too many erroneous commands. */
		{NULL, "450", "450 MI:CEL 163 mx14,QMCowAB 1700000000", "MAIL", "syntaxerror"},
		{NULL, "451", "451 RP:CEL 163 mx14,QMCowAB 1700000000", "RCPT", "syntaxerror"},
		/* MI:DMC, RP:DRC: too many messages or recipients in one
		 * connection. */
		{NULL, "450", "450 MI:DMC 163 mx14,QMCowAB 1700000000", "MAIL", "toomanyconn"},
		{NULL, "451", "451 MI:DMC 163 mx14,QMCowAB 1700000000", "MAIL", "toomanyconn"},
		{NULL, "450", "450 RP:DRC 163 mx14,QMCowAB 1700000000", "RCPT", "toomanyconn"},
		/* DT:RBL: the sending IP is on one or more DNSBLs. */
		{NULL, "450",
		 "450 DT:RBL 163 mx14,QMCowAB 1700000000 192.0.2.60, please see "
		 "http://mail.163.com/help/help_spam_16.htm",
		 NULL, "blocked"},
		/* WM:BLI, HL:IPB, "IP in blacklist": the IP is not on the list of
		 * addresses NetEase accepts mail from. */
		{NULL, "450", "450 WM:BLI 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL, "blocked"},
		{NULL, "554", "554 HL:IPB 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL, "blocked"},
		{NULL, "554", "554 IP in blacklist", NULL, "blocked"},
		/* HL:IHU: the IP broke the terms of service (spam, abnormal
		 * connections) and is suspended for a while. */
		{NULL, "554", "554 HL:IHU 163 mx14,QMCowAB 1700000000 192.0.2.60", NULL, "blocked"},
		/* WM:BLU, MI:SPB: the sender is not on the allowed senders' list. */
		{NULL, "450", "450 WM:BLU 163 mx14,QMCowAB 1700000000", "MAIL", "rejected"},
		{NULL, "554", "554 MI:SPB 163 mx14,QMCowAB 1700000000", "MAIL", "rejected"},
		/* DT:SPM: the content has the marks of spam. */
		{NULL, "451", "451 DT:SPM 163 mx14,QMCowAB 1700000000, please try again", "DATA",
		 "spamdetected"},
		{NULL, "550",
		 "550 DT:SPM 163 mx14,QMCowAB 1700000000, please see "
		 "http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.60",
		 "DATA", "spamdetected"},
		/* MI:SFQ: the sender sent too much in 15 minutes; RP:QRC: to too
		 * many recipients in a short time; RP:TRC: to too many in a day;
		 * MI:STC: too many messages in a day. */
		{NULL, "451", "451 MI:SFQ 163 mx14,QMCowAB 1700000000", "MAIL", "speeding"},
		{NULL, "451", "451 RP:QRC 163 mx14,QMCowAB 1700000000", "RCPT", "speeding"},
		{NULL, "550", "550 RP:TRC 163 mx14,QMCowAB 1700000000", "RCPT", "speeding"},
		{NULL, "554", "554 MI:STC 163 mx14,QMCowAB 1700000000", "MAIL", "speeding"},
		{NULL, "451", "451 Requested action aborted: local error in processing", "DATA",
		 "systemerror"},
		{NULL, "500", "500 Error: bad syntax", NULL, "syntaxerror"},
		/* MI:NHD: an empty HELO. */
		{NULL, "550", "550 MI:NHD 163 mx14,QMCowAB 1700000000", NULL, "syntaxerror"},
		/* MI:SPF, MI:DMA: the IP is not permitted by the sending domain's
		 * SPF record; the message fails its DMARC policy. */
		{NULL, "550",
		 "550 MI:SPF 163 mx14,QMCowAB 1700000000, please see "
		 "http://mail.163.com/help/help_spam_16.htm",
		 "MAIL", "authfailure"},
		{NULL, "550", "550 MI:DMA 163 mx14,QMCowAB 1700000000", "DATA", "authfailure"},
		/* RP:FRL: no open relaying. */
		{NULL, "550", "550 RP:FRL 163 mx14,QMCowAB 1700000000", "RCPT", "norelaying"},
		/* RP:RCL, "too much recipient": more recipients in one message than
		 * allowed. */
		{NULL, "550", "550 RP:RCL 163 mx14,QMCowAB 1700000000", "RCPT", "toomanyconn"},
		{NULL, "550", "550 Requested mail action not taken: too much recipient", "RCPT",
		 "toomanyconn"},
		{NULL, "550", "550 Invalid User: someone@163.com", "RCPT", "userunknown"},
		/* An attachment of a type NetEase does not accept. */
		{NULL, "552", "552 Illegal Attachment", "DATA", "contenterror"},
		{NULL, "552", "552 Requested mail action aborted: exceeded mailsize limit", "DATA",
		 "mesgtoobig"},
		{NULL, "553", "553 Requested action not taken: NULL sender is not allowed", "MAIL",
		 "rejected"},
	};
	CHECK(cases);
}

/* Yandex: the replies its own servers give, and the wordings of other
 * servers its help explains. */
static void test_yandex_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* A non-existing or malformed address. */
		{"5.1.3", "501", "501 5.1.3 Bad recipient address syntax", "RCPT", "userunknown"},
		{"5.1.3", "553", "553 5.1.3 Bad address mailbox syntax", "RCPT", "userunknown"},
		{"5.5.2", "504",
		 "504 5.5.2 <someone>: Recipient address rejected: need fully-qualified address",
		 "RCPT", "userunknown"},
		/* The sending server sent only spam: shut out for a day. */
		{"5.7.1", "554",
		 "554 5.7.1 Client host [192.0.2.61] blocked using spamsource.mail.yandex.net; "
		 "see https://ya.cc/1IrBc",
		 NULL, "blocked"},
		{"5.2.2", "552", "552 5.2.2 Mailbox size limit exceeded", "RCPT", "mailboxfull"},
		{"5.2.2", "552", "552 5.2.2 Mailbox size exceeded", "RCPT", "mailboxfull"},
		{"5.7.1", "554", "554 5.7.1 Message infected by virus", "DATA", "virusdetected"},
		{"5.3.4", "552", "552 5.3.4 Message too big for system", "DATA", "mesgtoobig"},
		/* Other servers' wordings the help lists. */
		{NULL, "550", "550 DNS: no such domain", "RCPT", "hostunknown"},
		{NULL, "550", "550 Host or domain name not found", "RCPT", "hostunknown"},
		{NULL, "550", "550 Invalid recipient", "RCPT", "userunknown"},
		{NULL, "550", "550 No such user here", "RCPT", "userunknown"},
		{NULL, "554", "554 Message rejected as spam by Content Filtering", "DATA",
		 "spamdetected"},
		{NULL, "550", "550 Sorry, message looks like SPAM to me", "DATA", "spamdetected"},
		{"5.7.1", "550",
		 "550 5.7.1 SPF check failed: 192.0.2.61 is not authorized to send in the name "
		 "of example.org",
		 "RCPT", "authfailure"},
		{NULL, "552", "552 Account is full", "RCPT", "mailboxfull"},
		{NULL, "552", "552 Error writing message: Disk quota exceeded", "DATA",
		 "mailboxfull"},
	};
	CHECK(cases);
}

/* Tencent QQ Mail and Exmail: its help on bounce codes. */
static void test_qq_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient's own blacklist or filter refused the sender. */
		{NULL, "550",
		 "550 Mail is rejected by recipients [MJa2Gz8PPA==] "
		 "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000727",
		 "DATA", "filtered"},
		/* Bulk content many users reported as spam. */
		{NULL, "550",
		 "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&"
		 "id=20022&&no=1000726",
		 "DATA", "spamdetected"},
		{NULL, "550",
		 "550 DMARC check failed. "
		 "http://service.mail.qq.com/cgi-bin/help?subtype=1&&no=1001508&&id=16",
		 "DATA", "authfailure"},
		{NULL, "501",
		 "501 Bad address syntax. "
		 "http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000730",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* Mail.ru and Daum: their postmaster help. */
static void test_mailru_daum_reference(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox.  Local mailbox "
		 "someone@mail.ru is unavailable: account is disabled",
		 "RCPT", "suspend"},
		/* Daum RUSR: no such user.  (CHIC, "Network is busy", its incoming
		 * server not answering for now, is left out: a 4.4.1 in a failed
		 * report reads as retries run out.) */
		{"5.1.1", "550", "550 5.1.1 RUSR 192.0.2.62: No such user: <someone@hanmail.net>",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_netease_reference),
		cmocka_unit_test(test_yandex_reference),
		cmocka_unit_test(test_qq_reference),
		cmocka_unit_test(test_mailru_daum_reference),
	};
	return cmocka_run_group_tests_name("ref_asia", tests, load_defaults, free_defaults);
}
