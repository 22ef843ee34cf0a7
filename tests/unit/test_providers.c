/* test_providers.c: the codes large mailbox providers publish for their
 * SMTP replies decide the reason, over generic wording that would say
 * otherwise.  Every diagnostic here is written for the test, in the form
 * the provider's postmaster page documents. */
#include "testrules.h"

static void test_spectrum_aup_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* "sender rejected" would say the sender was refused; the code says
		 * the IP opened too many connections at once. */
		{"5.1.0", "550",
		 "550 5.1.0 <bounce-42@mail.example.org> sender rejected. Please see "
		 "the Spectrum error code page for more information. AUP#In-1310",
		 "MAIL", "toomanyconn"},
		{NULL, "421", "421 mx.example.net 192.0.2.7 blocked. AUP#1310", NULL,
		 "toomanyconn"},
		/* A number that merely ends in 1310 is no Spectrum code. */
		{"5.1.1", "550", "550 5.1.1 user unknown (ticket AUP#41310)", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

static void test_cox_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "554",
		 "554 cox.net 192.0.2.10 rejected. Refer to the Error Codes section "
		 "of Cox's postmaster page for more information. AUP#CXBL",
		 NULL, "blocked"},
		{NULL, "421", "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#IPBL0001",
		 NULL, "blocked"},
		{NULL, "421", "421 cmsmtp 192.0.2.10 blocked. Refer to Error Codes. AUP#CXCNCT",
		 NULL, "toomanyconn"},
		{NULL, "452", "452 cmsmtp 192.0.2.10 rejected. AUP#CXMXRT", NULL, "speeding"},
		{NULL, "550",
		 "550 <alice@example.org> message rejected. Refer to Error Codes. "
		 "AUP#CXSNDR",
		 "MAIL", "rejected"},
		/* A word that only contains the letters is not a code. */
		{"5.1.1", "550", "550 5.1.1 <xcxbl@example.net> user unknown", "RCPT",
		 "userunknown"},
	};
	CHECK(cases);
}

static void test_microsoft_ndr_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.606", "550",
		 "550 5.7.606 Access denied, banned sending IP [192.0.2.20]. To request "
		 "removal from this list please follow the directions in the NDR. "
		 "(AS16012609)",
		 NULL, "blocked"},
		{"5.7.708", "550",
		 "550 5.7.708 Service unavailable. Access denied, traffic not accepted "
		 "from this IP. (AS7171)",
		 NULL, "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Unfortunately, messages from [192.0.2.20] weren't sent. "
		 "(S3150)",
		 NULL, "blocked"},
		{"5.7.509", "550",
		 "550 5.7.509 Access denied, sending domain example.org does not pass "
		 "DMARC verification and has a DMARC policy of reject.",
		 "DATA", "authfailure"},
		{"5.7.515", "550",
		 "550 5.7.515 Access denied, sending domain example.org does not meet "
		 "the required authentication level.",
		 "DATA", "authfailure"},
		/* Directory-Based Edge Blocking: the address is not in the directory,
		 * although the words say "access denied". */
		{"5.4.1", "550",
		 "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
		 "[BN1NAM02FT022.eop-nam02.prod.protection.outlook.com]",
		 "RCPT", "userunknown"},
		{"4.7.500", "451",
		 "451 4.7.500 Server busy. Please try again later from [192.0.2.20]. "
		 "(AS843)",
		 NULL, "speeding"},
		{"5.7.750", "550",
		 "550 5.7.750 Service unavailable. Client blocked from sending from "
		 "unregistered domains.",
		 NULL, "norelaying"},
		/* SERVFAIL: the domain's name servers failed, which does not say
		 * that the domain does not exist. */
		{"5.4.312", "550",
		 "550 5.4.312 DNS query failed(ServerFailure) [Message=ServerFailure] "
		 "[LastAttemptedServerName=example.net]",
		 NULL, "networkerror"},
	};
	CHECK(cases);
}

static void test_google_help_anchor(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.28", "421",
		 "421-4.7.28 [192.0.2.30 15] Our system has detected an unusual rate of "
		 "unsolicited mail originating from your IP address. Please visit "
		 "https://support.google.com/mail/?p=UnsolicitedRateLimitError to review "
		 "our Bulk Email Senders Guidelines. - gsmtp",
		 "DATA", "speeding"},
	};
	CHECK(cases);
}

static void test_yahoo_ts_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.0", "421",
		 "421 4.7.0 [TSS04] Messages from 192.0.2.40 temporarily deferred due to "
		 "unexpected volume or user complaints - 4.16.55.1",
		 "MAIL", "badreputation"},
		{"4.7.1", "421",
		 "421 4.7.1 [TS03] All messages from 192.0.2.40 will be permanently "
		 "deferred; Retrying will NOT succeed.",
		 NULL, "badreputation"},
	};
	CHECK(cases);
}

static void test_godaddy_ib_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.2.0", "552",
		 "552 5.2.0 abc123 This message has been rejected due to content judged "
		 "to be spam by the internet community IB212",
		 "DATA", "spamdetected"},
		{NULL, "421", "421 Server temporarily unavailable. Try again later. IB101", NULL,
		 "systemerror"},
	};
	CHECK(cases);
}

static void test_comcast_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554",
		 "554 resimta-ch2-10v.sys.comcast.net comcast 192.0.2.50 Comcast block "
		 "for spam. Please see the postmaster page for BL000010",
		 NULL, "blocked"},
		{NULL, "554",
		 "554 resimta-po-01v.sys.comcast.net comcast 192.0.2.50 Please see "
		 "the postmaster page for ES000010",
		 NULL, "blocked"},
		{"4.2.0", "451", "451 4.2.0 Throttled - see the postmaster page for RL000010",
		 "RCPT", "speeding"},
	};
	CHECK(cases);
}

static void test_netease_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, "554", "554 DT:SPM 163 smtp10,DsCowAC1 1700000000 http://mail.163.com/help/",
		 "DATA", "spamdetected"},
		{NULL, "421", "421 HL:ICC 192.0.2.60 too many connections", NULL, "toomanyconn"},
		{NULL, "451", "451 MI:SFQ 163 smtp9,AcCowAB 1700000000", "MAIL", "speeding"},
		{NULL, "554", "554 DT:RBL 192.0.2.60", NULL, "blocked"},
		/* Letters and a colon elsewhere in a word are not a NetEase code. */
		{"5.1.1", "550", "550 5.1.1 user unknown (FOODT:SPMX)", "RCPT", "userunknown"},
	};
	CHECK(cases);
}

static void test_apple_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550",
		 "550 5.7.1 [CS01] Message rejected due to local policy. Please visit "
		 "https://support.apple.com/en-us/HT204137",
		 "DATA", "policyviolation"},
		{"4.7.1", "421",
		 "421 4.7.1 Messages to someone@example.net deferred due to excessive "
		 "volume. Try again later - https://support.apple.com/en-us/HT204137",
		 "RCPT", "speeding"},
	};
	CHECK(cases);
}

/* A client's reverse DNS in the words of Haraka's fcrdns plugin ("Sorry, no
 * FCrDNS match found") and of sendmail's require_rdns under X.1.8 ("Fix
 * reverse DNS for IP"); Gmail's 421 4.7.0 that names the low reputation of
 * the sending IP before the rate limit it applies. */
static void test_reverse_dns_and_reputation(void **state)
{
	(void)state;
	struct bd_verdict v =
		verdict_with(&defaults, NULL, "550", "550 Sorry, no FCrDNS match found", NULL);
	assert_str(v.reason->id, "requireptr");
	v = verdict_with(&defaults, "4.1.8", "451", "451 4.1.8 Fix reverse DNS for 198.51.100.7",
			 "MAIL");
	assert_str(v.reason->id, "requireptr");
	v = verdict_with(&defaults, "4.7.0", "421",
			 "421-4.7.0 This message is suspicious due to the very low reputation of "
			 "the sending IP address. To protect our users from spam, mail sent from "
			 "your IP address has been temporarily rate limited.",
			 "DATA");
	assert_str(v.reason->id, "badreputation");
}

static void test_mimecast_greylisting(void **state)
{
	(void)state;
	/* Greylisting is a finer category of policyviolation, soft. */
	struct bd_verdict v =
		verdict_with(&defaults, NULL, "451",
			     "451 Internal resource temporarily unavailable - "
			     "https://community.mimecast.com/docs/DOC-1369#451 [Aj3QXape.us32]",
			     "RCPT");
	assert_str(v.category->id, "greylisted");
	assert_str(v.reason->id, "policyviolation");
}

/* Google's list of Gmail SMTP errors and codes (Google Workspace Admin
 * Help, "Gmail SMTP errors and codes").  A multi-line reply reads here as
 * the parser joins it: the first line's prefix, then the text, then the
 * session id and " - gsmtp".  Replies only an SMTP client sees while it
 * submits (AUTH and STARTTLS chatter) are left out where the cause is
 * not clear from the list. */
static void test_google_recipient_replies(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.1.1", "550",
		 "550-5.1.1 The email account that you tried to reach does not exist. Please "
		 "try double-checking the recipient's email address for typos or unnecessary "
		 "spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser "
		 "a640c23a62f3a-19si1234567a.20 - gsmtp",
		 "RCPT", "userunknown"},
		{"5.2.1", "550",
		 "550-5.2.1 The email account that you tried to reach is disabled. For more "
		 "information, go to https://support.google.com/mail/?p=DisabledUser "
		 "d75a77b69052e-43si7654321qtb.5 - gsmtp",
		 "RCPT", "suspend"},
		{"4.2.2", "452",
		 "452-4.2.2 The email account that you tried to reach is over quota. Please "
		 "direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp "
		 "b10si1111111pgn.3 - gsmtp",
		 "RCPT", "mailboxfull"},
		{"4.2.2", "452",
		 "452-4.2.2 The recipient's inbox is out of storage space. Please direct the "
		 "recipient to https://support.google.com/mail/?p=OverQuotaTemp "
		 "b10si2222222pgn.4 - gsmtp",
		 "RCPT", "mailboxfull"},
		{"5.2.2", "552",
		 "552-5.2.2 The email account that you tried to reach is over quota. Please "
		 "direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm "
		 "c20si3333333pgn.5 - gsmtp",
		 "RCPT", "mailboxfull"},
		{"5.2.2", "552",
		 "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please "
		 "direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm "
		 "c20si4444444pgn.6 - gsmtp",
		 "RCPT", "mailboxfull"},
		{"5.1.2", "553",
		 "553-5.1.2 We weren't able to find the recipient domain. Please check for any "
		 "spelling errors, and make sure you didn't enter any spaces, periods, or other "
		 "punctuation after the recipient's email address. "
		 "https://support.google.com/mail/?p=BadRcptDomain e5si5555555pgn.7 - gsmtp",
		 "RCPT", "hostunknown"},
		/* The recipient gets mail faster than Gmail lets it: a rate limit,
		 * though the status is the mailbox's. */
		{"4.2.1", "450",
		 "450-4.2.1 The user you are trying to contact is receiving mail too quickly. "
		 "Please resend your message at a later time. If the user is able to receive "
		 "mail at that time, your message will be delivered. For more information, go "
		 "to https://support.google.com/mail/?p=ReceivingRatePerm f6si6666666pgn.8 - gsmtp",
		 "RCPT", "speeding"},
		{"4.2.1", "450",
		 "450-4.2.1 The user you are trying to contact is receiving mail at a rate that "
		 "prevents additional messages from being delivered. Please resend your message "
		 "at a later time. If the user is able to receive mail at that time, your "
		 "message will be delivered. For more information, go to "
		 "https://support.google.com/mail/?p=ReceivingRate f6si7777777pgn.9 - gsmtp",
		 "RCPT", "speeding"},
		{"5.2.1", "550",
		 "550-5.2.1 The user you are trying to contact is receiving mail at a rate that "
		 "prevents additional messages from being delivered. For more information, go "
		 "to https://support.google.com/mail/?p=ReceivingRatePerm g7si8888888pgn.10 - gsmtp",
		 "RCPT", "speeding"},
		{"4.5.3", "452",
		 "452-4.5.3 Your message has too many recipients. For more information regarding "
		 "Google's sending limits, go to https://support.google.com/mail/?p=TooManyRecipients "
		 "h8si9999999pgn.11 - gsmtp",
		 "RCPT", "toomanyconn"},
		{"4.5.3", "452",
		 "452 4.5.3 Domain policy size per transaction exceeded, please try this "
		 "recipient in a separate transaction. i9si1212121pgn.12 - gsmtp",
		 "RCPT", "toomanyconn"},
		{"4.7.0", "421",
		 "421 4.7.0 TLS required for RCPT domain, closing connection. "
		 "j1si1313131pgn.13 - gsmtp",
		 "RCPT", "securityerror"},
		{"4.7.0", "421",
		 "421 4.7.0 IP not in whitelist for RCPT domain, closing connection. "
		 "k2si1414141pgn.14 - gsmtp",
		 "RCPT", "blocked"},
		{"5.7.0", "550",
		 "550 5.7.0 Mail relay denied [192.0.2.30]. Invalid credentials for relay for "
		 "one of the domains in: example.org (as obtained from HELO and MAIL FROM). "
		 "l3si1515151pgn.15 - gsmtp",
		 NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_google_sender_limits(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.2.1", "450",
		 "450-4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary "
		 "error. For more information on SMTP relay limits, please contact your "
		 "administrator or visit https://support.google.com/a/answer/6140680 "
		 "m4si1616161pgn.16 - gsmtp",
		 "MAIL", "speeding"},
		{"5.4.5", "550",
		 "550-5.4.5 Daily sending quota exceeded. For more information, go to "
		 "https://support.google.com/mail/?p=UserSendingLimits n5si1717171pgn.17 - gsmtp",
		 NULL, "speeding"},
		{"5.4.5", "550",
		 "550-5.4.5 Daily SMTP relay limit exceeded for user. For more information on "
		 "SMTP relay sending limits please contact your administrator or visit "
		 "https://support.google.com/a/answer/166852 o6si1818181pgn.18 - gsmtp",
		 "MAIL", "speeding"},
		{"5.7.1", "550",
		 "550-5.7.1 Daily SMTP relay limit exceeded for customer. For more information "
		 "on SMTP relay sending limits please contact your administrator or visit "
		 "https://support.google.com/a/answer/166852 p7si1919191pgn.19 - gsmtp",
		 "MAIL", "speeding"},
		/* The account sending through the relay is disabled or not in the
		 * Workspace domain: the envelope sender is refused. */
		{"5.7.0", "550",
		 "550-5.7.0 Mail Sending denied. This error occurs if the sender account is "
		 "disabled or not registered within your Google Workspace domain. "
		 "r9si2121212pgn.21 - gsmtp",
		 "MAIL", "rejected"},
		/* The sending IP: held back for a while for its spam (the reply
		 * Gmail now words "temporarily rate limited", 4.7.28), blocked
		 * for it, or not allowed to send to Gmail directly. */
		{"4.7.0", "421",
		 "421-4.7.0 [192.0.2.30 15] Our system has detected an unusual rate of "
		 "unsolicited mail originating from your IP address. To protect our users from "
		 "spam, mail sent from your IP address has been temporarily blocked. For more "
		 "information, visit https://support.google.com/mail/answer/81126 "
		 "s1si2222222pgn.22 - gsmtp",
		 NULL, "speeding"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected an unusual rate of unsolicited "
		 "mail originating from your IP address. To protect our users from spam, mail "
		 "sent from your IP address has been blocked. Please visit "
		 "https://support.google.com/mail/?p=UnsolicitedIPError to review our Bulk Email "
		 "Senders Guidelines. t2si2323232pgn.23 - gsmtp",
		 "DATA", "blocked"},
		{"5.7.28", "550",
		 "550-5.7.28 Gmail has detected an unusual rate of unsolicited mail. To protect "
		 "our users from spam, mail has been blocked. For more information, go to "
		 "https://support.google.com/mail/?p=UnsolicitedIPError u3si2424242pgn.24 - gsmtp",
		 "DATA", "blocked"},
		{"4.7.28", "421",
		 "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. To protect "
		 "our users from spam, mail has been temporarily rate limited. For more "
		 "information, go to https://support.google.com/mail/?p=UnsolicitedRateLimitError "
		 "to review our Bulk Email Senders Guidelines. v4si2525252pgn.25 - gsmtp",
		 "DATA", "speeding"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] The IP you're using to send mail is not authorized to "
		 "send email directly to our servers. Please use the SMTP relay at your service "
		 "provider instead. For more information, go to "
		 "https://support.google.com/mail/?p=NotAuthorizedError w5si2626262pgn.26 - gsmtp",
		 "MAIL", "blocked"},
		/* Reputation of the sending IP or domain, in the provider's words. */
		{"4.7.0", "421",
		 "421-4.7.0 [192.0.2.30 15] Our system has detected that this message is "
		 "suspicious due to the very low reputation of the sending IP address. To best "
		 "protect our users from spam, the message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/188131 for more information. "
		 "x6si2727272pgn.27 - gsmtp",
		 "DATA", "badreputation"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected that this message is likely "
		 "suspicious due to the very low reputation of the sending domain. To best "
		 "protect our users from spam, the message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/188131 for more information. "
		 "y7si2828282pgn.28 - gsmtp",
		 "DATA", "badreputation"},
		{"5.7.25", "550",
		 "550-5.7.25 [192.0.2.30] The IP address sending this message does not have a "
		 "PTR record setup, or the corresponding forward DNS entry does not point to the "
		 "sending IP. As a policy, Gmail does not accept messages from IPs with missing "
		 "PTR records. For more information, go to "
		 "https://support.google.com/mail/answer/81126#ip-practices z8si2929292pgn.29 - gsmtp",
		 "MAIL", "requireptr"},
		{"4.7.25", "421",
		 "421-4.7.25 [192.0.2.30] The IP address sending this message does not have a "
		 "PTR record setup, or the corresponding forward DNS entry does not point to the "
		 "sending IP. As a policy, Gmail does not accept messages from IPs with missing "
		 "PTR records. a9si3030303pgn.30 - gsmtp",
		 "MAIL", "requireptr"},
	};
	CHECK(cases);
}

static void test_google_authentication(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.26", "550",
		 "550-5.7.26 Unauthenticated email from example.org is not accepted due to "
		 "domain's DMARC policy. Please contact the administrator of example.org domain "
		 "if this was a legitimate mail. To learn about the DMARC initiative, go to "
		 "https://support.google.com/mail/?p=DmarcRejection b1si3131313pgn.31 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.26", "550",
		 "550-5.7.26 This message does not have authentication information or fails to "
		 "pass authentication checks (SPF or DKIM). To best protect our users from spam, "
		 "the message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/81126#authentication for more "
		 "information. c2si3232323pgn.32 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.26", "550",
		 "550-5.7.26 This message fails to pass SPF checks for an SPF record with a hard "
		 "fail policy (-all). To best protect our users from spam and phishing, the "
		 "message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/81126#authentication for more "
		 "information. d3si3333333pgn.33 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.26", "550",
		 "550-5.7.26 This mail has been blocked because the sender is unauthenticated. "
		 "Gmail requires all senders to authenticate with either SPF or DKIM. "
		 "Authentication results: DKIM = did not pass SPF [example.org] with ip: "
		 "[192.0.2.30] = did not pass For instructions on setting up authentication, go "
		 "to https://support.google.com/mail/answer/81126#authentication "
		 "e4si3434343pgn.34 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.26", "550",
		 "550-5.7.26 This mail is unauthenticated, which poses a security risk to the "
		 "sender and Gmail users, and has been blocked. The sender must authenticate "
		 "with at least one of SPF or DKIM. For this message, DKIM checks did not pass "
		 "and SPF check for [example.org] did not pass with ip: [192.0.2.30]. To best "
		 "protect our users from spam, the message has been blocked. For instructions "
		 "on setting up authentication, go to "
		 "https://support.google.com/mail/answer/81126#authentication "
		 "f5si3535353pgn.35 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.1", "550",
		 "550 5.7.1 Unauthenticated email is not accepted from this domain. "
		 "g6si3636363pgn.36 - gsmtp",
		 "DATA", "authfailure"},
		/* Since 2024 Gmail rate-limits, then refuses, mail that fails the
		 * checks it requires of bulk senders; the cause is the check, not
		 * the sending rate. */
		{"4.7.26", "421",
		 "421-4.7.26 This mail has been rate limited because it is unauthenticated. "
		 "Gmail requires all senders to authenticate with either SPF or DKIM. "
		 "Authentication results: DKIM = did not pass SPF [example.org] with ip: "
		 "[192.0.2.30] = did not pass h7si3737373pgn.37 - gsmtp",
		 "DATA", "authfailure"},
		{"4.7.27", "421",
		 "421-4.7.27 Your email has been rate limited because SPF authentication didn't "
		 "pass for this message. Gmail requires all bulk email senders to authenticate "
		 "with SPF. Authentication results: SPF [example.org] with ip: [192.0.2.30] = "
		 "did not pass i8si3838383pgn.38 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.27", "550",
		 "550-5.7.27 Your email has been blocked because SPF authentication didn't pass "
		 "for this message. Gmail requires all bulk email senders to authenticate with "
		 "SPF. j9si3939393pgn.39 - gsmtp",
		 "DATA", "authfailure"},
		{"4.7.30", "421",
		 "421-4.7.30 Your email has been rate limited because DKIM authentication didn't "
		 "pass for this message. Gmail requires all bulk email senders to authenticate "
		 "with DKIM. Authentication results: DKIM = did not pass k1si4040404pgn.40 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.30", "550",
		 "550-5.7.30 Your email has been blocked because DKIM authentication didn't pass "
		 "for this message. Gmail requires all bulk email senders to authenticate with "
		 "DKIM. l2si4141414pgn.41 - gsmtp",
		 "DATA", "authfailure"},
		/* "RFC5322" names the From: header whose domain is not aligned:
		 * DMARC alignment, not a malformed message. */
		{"4.7.32", "421",
		 "421-4.7.32 Your email has been rate limited because the From: header (RFC5322) "
		 "in this message isn't aligned with either the authenticated SPF or DKIM "
		 "organizational domain. m3si4242424pgn.42 - gsmtp",
		 "DATA", "authfailure"},
		{"5.7.32", "550",
		 "550-5.7.32 Your email has been blocked because the From: header (RFC5322) in "
		 "this message isn't aligned with either the authenticated SPF or DKIM "
		 "organizational domain. n4si4343434pgn.43 - gsmtp",
		 "DATA", "authfailure"},
		/* Bulk senders must use TLS: a requirement not met, no handshake
		 * that failed. */
		{"4.7.29", "421",
		 "421-4.7.29 Your email has been rate limited because this message wasn't sent "
		 "over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL "
		 "for SMTP connections. o5si4444444pgn.44 - gsmtp",
		 "DATA", "securityerror"},
		{"5.7.29", "550",
		 "550-5.7.29 Your email has been blocked because this message wasn't sent over a "
		 "TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP "
		 "connections. p6si4545454pgn.45 - gsmtp",
		 "DATA", "securityerror"},
	};
	CHECK(cases);
}

static void test_google_content_and_policy(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected that this message is likely "
		 "unsolicited mail. To reduce the amount of spam sent to Gmail, this message has "
		 "been blocked. Please visit https://support.google.com/mail/?p=UnsolicitedMessageError "
		 "for more information. q7si4646464pgn.46 - gsmtp",
		 "DATA", "spamdetected"},
		{"4.7.0", "421",
		 "421-4.7.0 [192.0.2.30 15] Our system has detected that this message is "
		 "suspicious due to the nature of the content and/or the links within. To best "
		 "protect our users from spam, the message has been blocked. Please visit "
		 "https://support.google.com/mail/answer/188131 for more information. "
		 "r8si4747474pgn.47 - gsmtp",
		 "DATA", "spamdetected"},
		{"5.7.0", "552",
		 "552-5.7.0 This message was blocked because its content presents a potential "
		 "security issue. Please visit https://support.google.com/mail/?p=BlockedMessage "
		 "to review our message content and attachment content guidelines. "
		 "s9si4848484pgn.48 - gsmtp",
		 "DATA", "policyviolation"},
		{"5.7.1", "550",
		 "550-5.7.1 The user or domain that you are sending to (or from) has a policy "
		 "that prohibited the mail that you sent. Please contact your domain "
		 "administrator for further details. For more information, go to "
		 "https://support.google.com/a/answer/172179 t1si4949494pgn.49 - gsmtp",
		 "DATA", "policyviolation"},
		{"5.7.1", "550",
		 "550 5.7.1 This message violates example.com email policy. - gcdp "
		 "u2si5050505pgn.50 - gsmtp",
		 "DATA", "policyviolation"},
		{"5.2.3", "552",
		 "552-5.2.3 Your message exceeded Google's message size limits. Please visit "
		 "https://support.google.com/mail/?p=MaxSizeError to view our size guidelines. "
		 "v3si5151515pgn.51 - gsmtp",
		 "DATA", "mesgtoobig"},
		/* RFC 5322 form: the message is refused for its headers, whatever
		 * the words about spam beside it. */
		{"5.7.1", "550",
		 "550-5.7.1 Messages missing a valid address in From: header, or having no From: "
		 "header, are not accepted. For more information, go to "
		 "https://support.google.com/mail/?p=RfcMessageNonCompliant w4si5252525pgn.52 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 Messages missing a valid messageId header are not accepted. For more "
		 "information, go to https://support.google.com/mail/?p=RfcMessageNonCompliant "
		 "x5si5353535pgn.53 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] This message is not RFC 5322 compliant. There are "
		 "multiple From headers. To reduce the amount of spam sent to Gmail, this "
		 "message has been blocked. For more information, go to "
		 "https://support.google.com/mail/?p=RfcMessageNonCompliant y6si5454545pgn.54 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.7.1", "550",
		 "550-5.7.1 Messages with multiple addresses in From: header are not accepted. "
		 "z7si5555555pgn.55 - gsmtp",
		 "DATA", "notcompliantrfc"},
		{"5.6.0", "554",
		 "554 5.6.0 Message exceeded 50 hops, this may indicate a mail loop. "
		 "a8si5656565pgn.56 - gsmtp",
		 "DATA", "networkerror"},
	};
	CHECK(cases);
}

/* Gmail's temporary trouble and its answers to the SMTP dialogue itself. */
static void test_google_system_and_protocol(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.0", "421",
		 "421 4.3.0 Temporary System Problem. Try again later. b9si5757575pgn.57 - gsmtp",
		 NULL, "systemerror"},
		{"4.7.0", "421",
		 "421 4.7.0 Temporary System Problem. Try again later. c1si5858585pgn.58 - gsmtp",
		 NULL, "systemerror"},
		{"4.4.5", "421",
		 "421 4.4.5 Server busy, try again later. d2si5959595pgn.59 - gsmtp", NULL,
		 "systemerror"},
		{"4.7.0", "454",
		 "454 4.7.0 Cannot authenticate due to temporary system problem. Try again "
		 "later. f4si6161616pgn.61 - gsmtp",
		 NULL, "systemerror"},
		{"4.5.0", "451",
		 "451 4.5.0 SMTP protocol violation, see RFC 2821. h6si6363636pgn.63 - gsmtp", NULL,
		 "syntaxerror"},
		{"4.5.0", "454",
		 "454 4.5.0 SMTP protocol violation, no commands allowed to pipeline after "
		 "STARTTLS, see RFC 3207. i7si6464646pgn.64 - gsmtp",
		 NULL, "syntaxerror"},
		{"5.5.1", "454",
		 "454 5.5.1 STARTTLS may not be repeated. j8si6565656pgn.65 - gsmtp", NULL,
		 "syntaxerror"},
		{"5.5.2", "501", "501 5.5.2 Cannot Decode response. k9si6666666pgn.66 - gsmtp",
		 NULL, "syntaxerror"},
		{"5.5.4", "501",
		 "501 5.5.4 HELO/EHLO argument is invalid. For more information, go to "
		 "https://support.google.com/mail/?p=helo l1si6767676pgn.67 - gsmtp",
		 "HELO", "syntaxerror"},
		{"5.5.1", "502",
		 "502 5.5.1 Too many unrecognized commands, goodbye. m2si6868686pgn.68 - gsmtp",
		 NULL, "syntaxerror"},
		{"5.5.1", "502", "502 5.5.1 Unimplemented command. n3si6969696pgn.69 - gsmtp", NULL,
		 "syntaxerror"},
		{"5.5.1", "502", "502 5.5.1 Unrecognized command. o4si7070707pgn.70 - gsmtp", NULL,
		 "syntaxerror"},
		{"5.5.1", "503", "503 5.5.1 EHLO/HELO first. p5si7171717pgn.71 - gsmtp", "MAIL",
		 "syntaxerror"},
		{"5.5.1", "503", "503 5.5.1 MAIL first. q6si7272727pgn.72 - gsmtp", "RCPT",
		 "syntaxerror"},
		{"5.5.1", "503", "503 5.5.1 RCPT first. r7si7373737pgn.73 - gsmtp", "DATA",
		 "syntaxerror"},
		{"5.5.2", "555", "555 5.5.2 Syntax error. s8si7474747pgn.74 - gsmtp", "MAIL",
		 "syntaxerror"},
		/* Sending through smtp.gmail.com or the relay: a security
		 * requirement of the server the client did not meet. */
		{"5.7.0", "530",
		 "530 5.7.0 Must issue a STARTTLS command first. t9si7575757pgn.75 - gsmtp", "MAIL",
		 "securityerror"},
		{"5.5.1", "530",
		 "530-5.5.1 Authentication Required. For more information, go to "
		 "https://support.google.com/mail/?p=WantAuthError u1si7676767pgn.76 - gsmtp",
		 "MAIL", "securityerror"},
		{"5.7.4", "504",
		 "504 5.7.4 Unrecognized Authentication Type. v2si7777777pgn.77 - gsmtp", NULL,
		 "securityerror"},
		{"5.7.1", "535",
		 "535-5.7.1 Application-specific password required. For more information, go to "
		 "https://support.google.com/mail/?p=InvalidSecondFactor w3si7878787pgn.78 - gsmtp",
		 NULL, "securityerror"},
		{"5.7.1", "535",
		 "535 5.7.1 Please log in with your web browser and then try again. For more "
		 "information, go to https://support.google.com/mail/?p=WebLoginRequired "
		 "x4si7979797pgn.79 - gsmtp",
		 NULL, "securityerror"},
		{"5.7.1", "535",
		 "535-5.7.1 Username and Password not accepted. For more information, go to "
		 "https://support.google.com/mail/?p=BadCredentials y5si8080808pgn.80 - gsmtp",
		 NULL, "securityerror"},
	};
	CHECK(cases);
}

/* Microsoft's list of Exchange Online NDR codes ("Email non-delivery
 * reports and SMTP errors in Exchange Online") and the codes Outlook.com's
 * postmaster pages explain.  Those already above are not repeated. */
static void test_exchange_online_ndrs(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* The recipient's address or mailbox. */
		{"5.1.1", "550", "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", NULL,
		 "userunknown"},
		{"5.1.10", "550",
		 "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient someone@example.com not "
		 "found by SMTP address lookup",
		 "RCPT", "userunknown"},
		{"5.4.310", "550",
		 "550 5.4.310 DNS domain example.net does not exist [Message=InfoDomainNonexistent] "
		 "[LastAttemptedServerName=example.net] [BN8NAM11FT024.eop-nam11.prod.protection.outlook.com]",
		 NULL, "hostunknown"},
		{"5.4.4", "550", "550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
		 NULL, "hostunknown"},
		{"5.2.2", "554",
		 "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
		 "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a "
		 "permanent exception with message Cannot open mailbox.",
		 NULL, "mailboxfull"},
		{"5.2.3", "550",
		 "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
		 NULL, "exceedlimit"},
		{"5.3.4", "552", "552 5.3.4 Message size exceeds fixed maximum message size",
		 "DATA", "mesgtoobig"},
		/* Limits on how fast the sender sends or the recipient receives. */
		{"4.3.2", "432", "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded",
		 NULL, "speeding"},
		{"5.2.2", "550",
		 "550 5.2.2 STOREDRV.Submit; Submission quota exceeded. The sender has exceeded "
		 "the recipient rate limit or the message rate limit.",
		 NULL, "speeding"},
		{"5.1.90", "550",
		 "550 5.1.90 Your message can't be sent because you've reached your daily limit "
		 "for message recipients. For more information, see "
		 "https://go.microsoft.com/fwlink/?LinkId=526653",
		 NULL, "speeding"},
		{"5.2.121", "550",
		 "550 5.2.121 RecipientThrottle; Recipient's per hour message receive limit from "
		 "specific sender exceeded.",
		 NULL, "speeding"},
		{"5.2.122", "550",
		 "550 5.2.122 RecipientThrottle; Recipient's per hour message receive limit "
		 "exceeded.",
		 NULL, "speeding"},
		{"5.7.508", "550",
		 "550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within "
		 "/64 range.",
		 NULL, "speeding"},
		/* The route: expired, refused, looping. */
		{"4.4.7", "550", "550 4.4.7 QUEUE.Expired; message expired", NULL, "expired"},
		{"5.4.300", "550", "550 5.4.300 Message expired", NULL, "expired"},
		{"5.4.316", "550",
		 "550 5.4.316 Message expired, connection refused(Socket error code 10061)", NULL,
		 "expired"},
		{"5.4.14", "554", "554 5.4.14 Hop count exceeded - possible mail loop ATTR34", NULL,
		 "networkerror"},
		{"5.4.6", "554", "554 5.4.6 Routing loop detected", NULL, "networkerror"},
		/* Relay and the sending tenant. */
		{"5.4.1", "550",
		 "550 5.4.1 Relay Access Denied ATTR36 "
		 "[AM5EUR03FT030.eop-EUR03.prod.protection.outlook.com]",
		 "RCPT", "norelaying"},
		{"5.7.64", "550",
		 "550 5.7.64 TenantAttribution; Relay Access Denied "
		 "[SN1NAM01FT022.eop-nam01.prod.protection.outlook.com]",
		 "RCPT", "norelaying"},
		{"5.7.57", "530",
		 "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during "
		 "MAIL FROM [AM6PR0732BE0065.eurprd07.prod.outlook.com]",
		 "MAIL", "securityerror"},
		{"4.7.321", "451",
		 "451 4.7.321 starttls-not-supported: Destination mail server must support TLS "
		 "to receive mail.",
		 NULL, "failedstarttls"},
		/* The envelope sender refused: its account is banned for spam, or
		 * not among a group's allowed senders. */
		{"5.1.8", "550", "550 5.1.8 Access denied, bad outbound sender", NULL, "rejected"},
		{"5.7.501", "550",
		 "550 5.7.501 Access denied, spam abuse detected. The sending account has been "
		 "banned due to detected spam activity.",
		 NULL, "rejected"},
		{"5.1.0", "550", "550 5.1.0 Sender denied", "MAIL", "rejected"},
		{"5.7.124", "550",
		 "550 5.7.124 RESOLVER.RST.DeliveryRestricted; Sender not in allowed-senders "
		 "list",
		 NULL, "rejected"},
		/* A group that takes mail only from authenticated senders asks for
		 * authentication, as the same setting on premises says
		 * (RESOLVER.RST.AuthRequired): a security refusal, not a refused
		 * sender. */
		{"5.7.133", "550",
		 "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication "
		 "required; Delivery restriction check failed because the sender was not "
		 "authenticated when sending to this group",
		 NULL, "securityerror"},
		/* The sending IP or organisation. */
		{"5.7.511", "550",
		 "550 5.7.511 Access denied, banned sender[192.0.2.20]. To request removal from "
		 "this list, forward this message to delist@microsoft.com. For more "
		 "information, go to https://go.microsoft.com/fwlink/?LinkId=526653. AS(1110)",
		 NULL, "blocked"},
		{"5.7.513", "550",
		 "550 5.7.513 Service unavailable, Client host [192.0.2.20] blocked by "
		 "example.net using Customer Block list (AS16012607)",
		 NULL, "blocked"},
		{"5.7.506", "550", "550 5.7.506 Access Denied, Bad HELO", "HELO", "blocked"},
		{"5.7.705", "550",
		 "550 5.7.705 Access denied, tenant has exceeded threshold. For more "
		 "information please go to https://go.microsoft.com/fwlink/?LinkId=526653",
		 NULL, "blocked"},
		/* Authentication and form. */
		{"5.7.23", "550",
		 "550 5.7.23 The message was rejected because of Sender Policy Framework "
		 "violation",
		 "DATA", "authfailure"},
		{"4.7.26", "451",
		 "451 4.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass "
		 "either SPF or DKIM validation, this message is not signed",
		 "DATA", "authfailure"},
		{"5.7.25", "550",
		 "550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a "
		 "reverse DNS record",
		 NULL, "requireptr"},
		{"5.7.512", "550",
		 "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant "
		 "and include a valid From address",
		 "DATA", "notcompliantrfc"},
		{"5.6.11", "554",
		 "554 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, "
		 "which cannot be sent via DATA",
		 "DATA", "notcompliantrfc"},
		/* The sender's own organisation does not let its mail be forwarded
		 * outside: a policy. */
		{"5.7.520", "550",
		 "550 5.7.520 Access denied, Your organization does not allow external "
		 "forwarding. Please contact your administrator for further assistance. "
		 "AS(7555)",
		 NULL, "policyviolation"},
	};
	CHECK(cases);
}

static void test_outlook_com_codes(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Outlook.com answers RCPT TO for an address it does not have with
		 * RFC 5321's "mailbox unavailable". */
		{"5.5.0", "550",
		 "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). "
		 "[DM6NAM12FT012.eop-nam12.prod.protection.outlook.com]",
		 "RCPT", "userunknown"},
		{"5.7.1", "550",
		 "550 5.7.1 Unfortunately, messages from [192.0.2.20] weren't sent. Please "
		 "contact your Internet service provider since part of their network is on our "
		 "block list (S3140). You can also refer your provider to "
		 "http://mail.live.com/mail/troubleshooting.aspx#errors.",
		 "MAIL", "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Service unavailable, Client host [192.0.2.20] blocked using "
		 "Spamhaus. To request removal from this list see "
		 "https://www.spamhaus.org/query/ip/192.0.2.20 (AS3130). "
		 "[BN8NAM12FT041.eop-nam12.prod.protection.outlook.com]",
		 "MAIL", "blocked"},
		{"5.7.1", "550",
		 "550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. To "
		 "request removal from this list see https://www.spamhaus.org/query/lookup/ "
		 "(S8001) [BN8NAM12FT041.eop-nam12.prod.protection.outlook.com]",
		 "MAIL", "rejected"},
		{NULL, "550",
		 "550 SC-001 (BAY004-MC1F40) Unfortunately, messages from 192.0.2.20 weren't "
		 "sent. Please contact your Internet service provider since part of their "
		 "network is on our block list. You can also refer your provider to "
		 "http://mail.live.com/mail/troubleshooting.aspx#errors.",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 SC-002 (SNT004-MC2F5) Mail rejected by Outlook.com for policy reasons. The "
		 "mail server IP connecting to Outlook.com server has exhibited namespace mining "
		 "behavior. If you are not an email/network admin please contact your E-mail/"
		 "Internet Service Provider for help.",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 SC-003 (COL004-MC3F12) Mail rejected by Outlook.com for policy reasons. "
		 "Your IP address appears to be an open proxy/relay.",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 SC-004 (BLU004-MC1F8) Mail rejected by Outlook.com for policy reasons. A "
		 "block has been placed against your IP address because we have received "
		 "complaints concerning mail coming from that IP address.",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 DY-001 (SNT004-MC4F22) Mail rejected by Outlook.com for policy reasons. We "
		 "generally do not accept email from dynamic IP's as they are not typically used "
		 "to deliver unauthenticated SMTP e-mail to an Internet mail server.",
		 NULL, "blocked"},
		{NULL, "550",
		 "550 DY-002 (COL004-MC5F3) Mail rejected by Outlook.com for policy reasons. The "
		 "likely cause is a compromised or virus infected server/personal computer.",
		 NULL, "blocked"},
		{NULL, "421",
		 "421 RP-001 (BAY004-MC1F6) Unfortunately, some messages from 192.0.2.20 weren't "
		 "sent. Please try again. We have limits for how many messages can be sent per "
		 "hour and per day. You can also refer to "
		 "http://mail.live.com/mail/troubleshooting.aspx#errors.",
		 NULL, "speeding"},
		{"4.7.650", "451",
		 "451 4.7.650 The mail server [192.0.2.20] has been temporarily rate limited "
		 "due to IP reputation. For e-mail delivery information, see "
		 "https://postmaster.live.com (S775) "
		 "[DM6NAM12FT012.eop-nam12.prod.protection.outlook.com]",
		 NULL, "badreputation"},
	};
	CHECK(cases);
}

/* Hard bounce: whether the address itself is bad, not how final the
 * refusal was.  No such account or domain stops sends; a disabled account
 * (RFC 3463's X.2.1, which DOMAIN.md counts soft), a blocklisting, a rate
 * limit or an authentication failure does not. */
static void test_google_microsoft_hardbounce(void **state)
{
	(void)state;
	static const struct {
		const char *status, *reply, *diag, *command;
		bool hard;
	} cases[] = {
		{"5.1.1", "550",
		 "550-5.1.1 The email account that you tried to reach does not exist. Please "
		 "try double-checking the recipient's email address for typos or unnecessary "
		 "spaces. a1si1 - gsmtp",
		 "RCPT", true},
		{"5.1.2", "553",
		 "553-5.1.2 We weren't able to find the recipient domain. Please check for any "
		 "spelling errors. a2si2 - gsmtp",
		 "RCPT", true},
		{"5.1.10", "550",
		 "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient someone@example.com not "
		 "found by SMTP address lookup",
		 "RCPT", true},
		{"5.5.0", "550",
		 "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302).", "RCPT",
		 true},
		{"5.2.1", "550",
		 "550-5.2.1 The email account that you tried to reach is disabled. a3si3 - gsmtp",
		 "RCPT", false},
		{"5.7.1", "550",
		 "550-5.7.1 [192.0.2.30] Our system has detected an unusual rate of unsolicited "
		 "mail originating from your IP address. To protect our users from spam, mail "
		 "sent from your IP address has been blocked. a4si4 - gsmtp",
		 "DATA", false},
		{"5.7.26", "550",
		 "550-5.7.26 This mail has been blocked because the sender is unauthenticated. "
		 "Gmail requires all senders to authenticate with either SPF or DKIM. a5si5 - gsmtp",
		 "DATA", false},
		{"5.4.5", "550", "550-5.4.5 Daily sending quota exceeded. a6si6 - gsmtp", NULL,
		 false},
		{"5.7.511", "550",
		 "550 5.7.511 Access denied, banned sender[192.0.2.20]. To request removal from "
		 "this list, forward this message to delist@microsoft.com.",
		 NULL, false},
		{"5.2.122", "550",
		 "550 5.2.122 RecipientThrottle; Recipient's per hour message receive limit "
		 "exceeded.",
		 NULL, false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct bd_verdict v = verdict_with(&defaults, cases[i].status, cases[i].reply,
						   cases[i].diag, cases[i].command);
		if (v.hardbounce != cases[i].hard)
			fail_msg("\"%s\" (%s): hardbounce %d, not %d", cases[i].diag, v.reason->id,
				 v.hardbounce, cases[i].hard);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spectrum_aup_codes),
		cmocka_unit_test(test_cox_codes),
		cmocka_unit_test(test_microsoft_ndr_codes),
		cmocka_unit_test(test_google_help_anchor),
		cmocka_unit_test(test_yahoo_ts_codes),
		cmocka_unit_test(test_godaddy_ib_codes),
		cmocka_unit_test(test_comcast_codes),
		cmocka_unit_test(test_netease_codes),
		cmocka_unit_test(test_apple_codes),
		cmocka_unit_test(test_mimecast_greylisting),
		cmocka_unit_test(test_reverse_dns_and_reputation),
		cmocka_unit_test(test_google_recipient_replies),
		cmocka_unit_test(test_google_sender_limits),
		cmocka_unit_test(test_google_authentication),
		cmocka_unit_test(test_google_content_and_policy),
		cmocka_unit_test(test_google_system_and_protocol),
		cmocka_unit_test(test_exchange_online_ndrs),
		cmocka_unit_test(test_outlook_com_codes),
		cmocka_unit_test(test_google_microsoft_hardbounce),
	};
	return cmocka_run_group_tests_name("providers", tests, load_defaults, free_defaults);
}
