/* test_provider_docs.c: the SMTP replies that large mailbox providers
 * (other than Google and Microsoft) document on their postmaster and help
 * pages, each with the reason that the provider's own explanation of its
 * cause calls for.  Every diagnostic here is written for the test, in the
 * form the provider's page shows; the stage is the one the page names, or
 * NULL where it names none. */
#include "testrules.h"

/* Yahoo and AOL: Yahoo's help articles and Sender Hub error codes. */
static void test_yahoo(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* PH01: the content breaks Yahoo Mail's policies (phishing). */
		{NULL, "554",
		 "554 Message not allowed - [PH01] Email not accepted for policy reasons. "
		 "Please visit https://postmaster.yahooinc.com/error-codes [120]",
		 "DATA", "policyviolation"},
		/* BL21: the sending IP is on Spamhaus's list. */
		{"5.7.1", "553",
		 "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.40, "
		 "because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
		 NULL, "blocked"},
		/* SLN5066: the sending server is an open relay or open proxy. */
		{NULL, "553", "553 Mail from 192.0.2.40 not allowed", NULL, "blocked"},
		/* The recipient is getting mail faster than Yahoo accepts it. */
		{NULL, "450", "450 User is receiving mail too quickly", "RCPT", "speeding"},
		/* Yahoo's own account directory. */
		{NULL, "554",
		 "554 delivery error: dd This user doesn't have a yahoo.com account "
		 "(someone@yahoo.com) [0] - mta1042.mail.gq1.yahoo.com",
		 NULL, "userunknown"},
		{NULL, "554",
		 "554 delivery error: dd Sorry your message to someone@yahoo.com cannot be "
		 "delivered. This account has been disabled or discontinued [#102]. - "
		 "mta1042.mail.gq1.yahoo.com",
		 NULL, "suspend"},
	};
	CHECK(cases);
	assert_true(hard(NULL, "554",
			 "554 delivery error: dd This user doesn't have a yahoo.com account "
			 "(someone@yahoo.com) [0] - mta1042.mail.gq1.yahoo.com",
			 NULL));
	assert_false(hard("5.7.1", "553",
			  "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.40, "
			  "because the ip is in Spamhaus's list",
			  NULL));
}

/* Apple iCloud: its postmaster page and the replies it points to it. */
static void test_icloud(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550", "550 5.1.1 <someone@icloud.com>: user does not exist", "RCPT",
		 "userunknown"},
		{"5.7.1", "550",
		 "550 5.7.1 Your message was rejected due to example.org DMARC policy.", "DATA",
		 "authfailure"},
		/* A link in the message is on Spamhaus's domain blocklist. */
		{"5.7.1", "550",
		 "550 5.7.1 Your email was rejected due to having a domain present in the "
		 "Spamhaus DBL -- see https://www.spamhaus.org/dbl/",
		 "DATA", "spamdetected"},
		{"5.7.1", "550",
		 "550 5.7.1 [HM08] Message rejected due to local policy. Please visit "
		 "https://support.apple.com/en-us/HT204137",
		 "DATA", "policyviolation"},
		/* The sending IP is on the blocklist of Apple's filtering service. */
		{"5.7.0", "554",
		 "554 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.41",
		 NULL, "blocked"},
	};
	CHECK(cases);
	assert_true(hard("5.1.1", "550", "550 5.1.1 <someone@icloud.com>: user does not exist",
			 "RCPT"));
}

/* Comcast (Xfinity): the non-specific codes on its postmaster page. */
static void test_comcast(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* More than the allowed simultaneous connections from one IP. */
		{NULL, "421", "421 Too many sessions opened", NULL, "toomanyconn"},
		/* The sending IP's reverse DNS lookup failed. */
		{NULL, "421", "421 Reverse DNS failure : Try again later", NULL, "requireptr"},
		{NULL, "554",
		 "554 resimta-po-20v.sys.comcast.net comcast 192.0.2.42 found on one or more "
		 "DNSBLs, see the postmaster page for BL000100",
		 NULL, "blocked"},
		/* The address is not one of Comcast's: no such mailbox, not a
		 * customer who moved. */
		{"5.1.1", "550", "550 5.1.1 <someone@comcast.net> Not our Customer", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* AT&T (att.net, bellsouth.net, prodigy.net): its mail-block help pages. */
static void test_att(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The sending IP has no valid reverse DNS entry. */
		{NULL, "421", "421-failure in DNS look-up", NULL, "requireptr"},
		{"5.7.1", "550",
		 "550 5.7.1 Connections not accepted from servers without a valid sender "
		 "domain.flph840 Fix reverse DNS for 192.0.2.43",
		 NULL, "requireptr"},
		/* No identifying DNS information for the sending system. */
		{NULL, "550", "550 Error. Blocked for status: <unknown sender>", NULL,
		 "requireptr"},
		/* The sending system is a known source of spam. */
		{NULL, "521", "521 <192.0.2.43> is blocked", NULL, "blocked"},
		{NULL, "550", "550 Error. Blocked for abuse", NULL, "blocked"},
		{NULL, "550", "550 <192.0.2.43> blocked by ldap:ou=rblmx,dc=bellsouth,dc=net", NULL,
		 "blocked"},
		/* Not a registered mail system of an ISP or hosting service. */
		{NULL, "550", "550 unauthorized interface for <192.0.2.43>", NULL, "blocked"},
		/* The customer's account is suspended. */
		{NULL, "550",
		 "550 [suspend] Mailbox currently suspended--Please contact correspondent "
		 "directly.",
		 "RCPT", "suspend"},
		{"5.2.1", "550",
		 "550 5.2.1 <SOMEONE@PRODIGY.NET>... Addressee unknown, relay=[192.0.2.43]", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* Cox: the DNSBL codes of its error-code page not tested elsewhere. */
static void test_cox(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* IPBL1000: listed on Cloudmark CSI. */
		{NULL, "554",
		 "554 cox.net 192.0.2.44 rejected. Refer to Error Codes section at "
		 "https://www.cox.com/internet/mail-error-codes. AUP#IPBL1000",
		 NULL, "blocked"},
		{NULL, "421", "421 cmsmtp 192.0.2.44 temporarily blocked. AUP#CDRBL", NULL,
		 "blocked"},
	};
	CHECK(cases);
}

/* Zoho Mail and ZeptoMail: their SMTP error pages. */
static void test_zoho(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The receiving domain's own filters refuse the message. */
		{"5.4.1", "541", "541 5.4.1 Mail rejected by destination domain", "DATA",
		 "filtered"},
		{"5.7.1", "550", "550 5.7.1 Email rejected per DMARC policy for example.org",
		 "DATA", "authfailure"},
		{"5.7.1", "552", "552 5.7.1 virus Win.Test.EICAR_HDB-1 detected by Zoho Mail",
		 "DATA", "virusdetected"},
		{"5.1.1", "550", "550 5.1.1 <someone@zoho.com> User unknown", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* Yandex: its help pages on non-delivery reports. */
static void test_yandex(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient's account was blocked for breaking the user
		 * agreement: a disabled mailbox. */
		{"5.7.1", "550", "550 5.7.1 Policy rejection on the target address", "RCPT",
		 "suspend"},
		/* The content was recognised as spam. */
		{"5.7.1", "554",
		 "554 5.7.1 Message rejected under suspicion of SPAM; https://ya.cc/1IrBc "
		 "1700000000-AbCdEfGh",
		 "DATA", "spamdetected"},
		/* The sending server sends only spam and is shut out for a day. */
		{"5.7.1", "554", "554 5.7.1 Blocked by spam statistics - see https://ya.cc/1IrBc",
		 NULL, "blocked"},
		{"5.7.1", "550", "550 5.7.1 No such user!", "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* Mail.ru: its postmaster help. */
static void test_mailru(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "550",
		 "550 spam message rejected. Please visit "
		 "https://help.mail.ru/notspam-support/id?c=AbCdEf or report details to "
		 "abuse@corp.mail.ru. Error code: AbCdEf. ID: 12345678.",
		 "DATA", "spamdetected"},
		{"5.7.1", "550",
		 "550 5.7.1 This message was not accepted due to domain owner DMARC policy "
		 "(RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc",
		 "DATA", "authfailure"},
		{NULL, "550",
		 "550 Message was not accepted -- invalid mailbox.  Local mailbox "
		 "someone@mail.ru is unavailable: user not found",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* GMX, WEB.DE, mail.com, IONOS (United Internet): their postmaster pages. */
static void test_united_internet(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* r0201: the delivering IP is on a block list; "No SMTP service"
		 * is the greeting's refusal, not a domain without mail. */
		{NULL, "554",
		 "554-gmx.net (mxgmx104) Nemesis ESMTP Service not available\n554-No SMTP "
		 "service\n554-IP address is block listed.\n554 For explanation visit "
		 "https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=192.0.2.45&r=1MNcgj-1ue23t3pyV",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 <someone@gmx.de>: Reject due to SPF policy. The originating IP of the "
		 "message is not permitted by the domain owner",
		 "DATA", "authfailure"},
		{NULL, "550", "550 Requested action not taken: mailbox unavailable", "RCPT",
		 "userunknown"},
		/* Too many messages in too short a time. */
		{NULL, "421", "421 Rate limit reached. Please try again later", NULL, "speeding"},
		{NULL, "550",
		 "550 Benutzer hat zuviele Mails auf dem Server. / User has too many messages "
		 "on the server.",
		 "RCPT", "mailboxfull"},
		{NULL, "550",
		 "550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted "
		 "allowed storage space.",
		 "RCPT", "mailboxfull"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "554",
			  "554-No SMTP service\n554-IP address is block listed.\n554 For "
			  "explanation visit https://postmaster.gmx.net/en/case?c=r0201",
			  NULL));
}

/* T-Online (Deutsche Telekom): its postmaster page. */
static void test_tonline(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Hosts with bad or unknown reputation are not accepted until
		 * their operator asks for a reset. */
		{NULL, "554",
		 "554 IP=192.0.2.46 - None/bad reputation. Ask your postmaster for help or to "
		 "contact postmaster@rx.t-online.de for reset. (NOWL)",
		 NULL, "badreputation"},
		{NULL, "554",
		 "554 IP=192.0.2.46 - A problem occurred. (Ask your postmaster for help or to "
		 "contact tosa@rx.t-online.de to clarify.) (BL)",
		 NULL, "blocked"},
		/* Dynamic address space. */
		{NULL, "554",
		 "554 IP=192.0.2.46 - Dialup/transient IP not allowed. Use a mailgateway or "
		 "contact toda@rx.t-online.de if obsolete. (DIAL)",
		 NULL, "blocked"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "554",
			  "554 IP=192.0.2.46 - None/bad reputation. Ask your postmaster for help "
			  "or to contact postmaster@rx.t-online.de for reset. (NOWL)",
			  NULL));
}

/* Orange, Free, La Poste: their postmaster pages. */
static void test_french(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Orange OFR004_104: too many connections from the IP. */
		{NULL, "421",
		 "421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. "
		 "Too many connections, slow down. OFR004_104 [104]",
		 NULL, "toomanyconn"},
		/* Orange OFR006_102: the source IP is blocked for spam. */
		{NULL, "550",
		 "550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host "
		 "blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request",
		 NULL, "blocked"},
		/* Free: the anti-spam filter judged the message spam. */
		{NULL, "550", "550 spam detected", "DATA", "spamdetected"},
		/* La Poste LPN007_405: the sender address cannot receive mail. */
		{"4.1.8", "450",
		 "450 4.1.8 <bounce@example.org>: Sender address rejected: Emetteur invalide / "
		 "Invalid Sender. LPN007_405",
		 "MAIL", "rejected"},
	};
	CHECK(cases);
}

/* Libero (Italiaonline): its help page on the most frequent errors. */
static void test_libero(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.2", "552", "552 5.2.2 MAILBOX FULL (User quota exceeded)", "RCPT",
		 "mailboxfull"},
		{NULL, "550", "550 Relay Disabled", "RCPT", "norelaying"},
		{"5.1.1", "550", "550 5.1.1 Bad destination mailbox address - user unknown", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

/* Seznam: its help page on a recipient that does not exist. */
static void test_seznam(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", NULL, "5.1.1 szn; User hasn't got the service mapped", NULL,
		 "userunknown"},
	};
	CHECK(cases);
	assert_true(hard("5.1.1", NULL, "5.1.1 szn; User hasn't got the service mapped", NULL));
}

/* Tencent QQ Mail: its help on bounce codes. */
static void test_qq(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient got a great deal of mail in a short time, so mail
		 * to it is held off for a while: a rate limit, not a bad address. */
		{NULL, "550",
		 "550 Mailbox unavailable or access denied [MJa2Gz8PPA==] "
		 "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726",
		 "RCPT", "speeding"},
		/* Too many messages from the sender's domain or the sender per
		 * minute, hour or day.  ("Ip frequency limited" and "Connection
		 * frequency limited", which the same page words as the sending IP's
		 * mail frequency, are left out: their names speak of connections.) */
		{NULL, "550",
		 "550 Domain frequency limited "
		 "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725",
		 "MAIL", "speeding"},
		{NULL, "550", "550 Sender frequency limited", "MAIL", "speeding"},
		{NULL, "550", "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help",
		 "RCPT", "userunknown"},
		/* Without QQ's bracketed token the same words are another server's
		 * plain refusal of the mailbox in answer to RCPT. */
		{NULL, "550", "550 Mailbox unavailable or access denied", "RCPT", "userunknown"},
		/* The Chinese notices: no such user, no QQ mailbox opened, no room. */
		{NULL, NULL, "该用户不存在", NULL, "userunknown"},
		{NULL, NULL, "该用户未开通QQ邮箱", NULL, "userunknown"},
		{NULL, NULL, "收件人空间不足", NULL, "mailboxfull"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "550", "550 Mailbox unavailable or access denied [MJa2Gz8PPA==]",
			  "RCPT"));
}

/* NetEase (163.com, 126.com, yeah.net): its codes not tested elsewhere and
 * the Coremail replies its help lists. */
static void test_netease(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "450", "450 HL:REP 192.0.2.47 163 mx8", NULL, "blocked"},
		{NULL, "550", "550 MI:DMC 163 smtp9,AcCowAB 1700000000", NULL, "toomanyconn"},
		{NULL, "554", "554 WM:BLI 192.0.2.47", NULL, "blocked"},
		{NULL, "550", "550 User not found: someone@163.com", "RCPT", "userunknown"},
		{NULL, "550", "550 User suspended: someone@163.com", "RCPT", "suspend"},
	};
	CHECK(cases);
}

/* Naver: the registration its IP filter asks for. */
static void test_naver(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.2", "421",
		 "421 4.3.2 Your IP(192.0.2.48) is filtered and this connection will be closed. "
		 "You must register your IP to http://realip.naver.com",
		 NULL, "blocked"},
		/* Daum: CCRT, its spam centre's temporary block of the connecting
		 * IP, in words that speak only of a busy server; RUSR, no such
		 * user. */
		{"4.4.5", "421",
		 "421 4.4.5 CCRT 192.0.2.48: Connection refused. Server is busy(RT)", NULL,
		 "blocked"},
		{"5.1.1", "550", "550 5.1.1 RUSR 192.0.2.48: No such user: <someone@hanmail.net>",
		 "RCPT", "userunknown"},
	};
	CHECK(cases);
}

/* The Japanese carriers: NTT docomo, au (KDDI), SoftBank. */
static void test_japanese_carriers(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* docomo answers the end of DATA with "Unknown user" both for an
		 * address that does not exist and for one whose owner refuses the
		 * sender (its reception filter): the address was not judged. */
		{NULL, "550", "550 Unknown user someone@docomo.ne.jp", "DATA", "filtered"},
		/* docomo: the recipient's mailbox is full. */
		{NULL, "552", "552 Too much mail data someone@docomo.ne.jp", "DATA", "mailboxfull"},
		/* docomo: a line longer than 1000 bytes. */
		{NULL, "500", "500 Line Too Long", "DATA", "notcompliantrfc"},
		/* SoftBank answers RCPT for an address that does not exist (its
		 * reception filter drops mail silently). */
		{NULL, "550", "550 Invalid recipient: <someone@i.softbank.jp>", "RCPT",
		 "userunknown"},
		/* SoftBank: the envelope sender's domain has no DNS records. */
		{NULL, "553", "553 example.org does not exist", "MAIL", "rejected"},
		/* Japanese-language notices. */
		{NULL, NULL, "受信拒否設定により送信できませんでした", NULL, "filtered"},
	};
	CHECK(cases);
	assert_false(hard(NULL, "550", "550 Unknown user someone@docomo.ne.jp", "DATA"));
	assert_true(hard(NULL, "550", "550 Invalid recipient: <someone@i.softbank.jp>", "RCPT"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yahoo),
		cmocka_unit_test(test_icloud),
		cmocka_unit_test(test_comcast),
		cmocka_unit_test(test_att),
		cmocka_unit_test(test_cox),
		cmocka_unit_test(test_zoho),
		cmocka_unit_test(test_yandex),
		cmocka_unit_test(test_mailru),
		cmocka_unit_test(test_united_internet),
		cmocka_unit_test(test_tonline),
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_libero),
		cmocka_unit_test(test_seznam),
		cmocka_unit_test(test_qq),
		cmocka_unit_test(test_netease),
		cmocka_unit_test(test_naver),
		cmocka_unit_test(test_japanese_carriers),
	};
	return cmocka_run_group_tests_name("provider docs", tests, load_defaults, free_defaults);
}
