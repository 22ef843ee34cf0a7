/* test_exchange_l10n.c: the Exchange 2007+ reader on non-delivery reports
 * written in the sender's language and sent without a delivery-status
 * part (tests/fixtures/probe).  The headings are translated ("Serveur de
 * génération :", "Generierender Server:", "생성 서버:") and so is the
 * wrapper around a further server's reply ("Le serveur distant a retourné
 * '...'", "Remoteserver hat '...' zurückgegeben"); the diagnostic must be
 * the server's reply itself. */
#include "testdetect.h"

static void probe(struct bd_report *r, const char *name, size_t n)
{
	char path[256];
	snprintf(path, sizeof(path), "probe/%s.eml", name);
	test_parse_fixture(path, r);
	assert_str(r->detector, "exchange2007");
	assert_int_equal(r->n, n);
}

static const struct bd_rcpt *account(const struct bd_report *r, const char *addr, const char *diag,
				     const char *status, const char *reply)
{
	const struct bd_rcpt *rc = rcpt(r, addr);
	assert_str(rc->diagnostic, diag);
	assert_str(rc->status, status);
	assert_str(rc->replycode, reply);
	return rc;
}

/* French, Exchange 2016: a local verdict between "#" and "##", then a
 * remote reply in "Le serveur distant a retourné '...'". */
static void test_french_two(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2016-fr-qp-crlf-nodsn-nxdomain-and-unknown", 2);
	const struct bd_rcpt *j = account(
		&r, "jean.martin@entreprise-fermee.example",
		"554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain", "5.4.4", "554");
	assert_verdict(&r, j, "hostunknown", true);
	const struct bd_rcpt *c =
		account(&r, "claire.dubois@client.example.fr",
			"550 5.1.1 <claire.dubois@client.example.fr>: Recipient address rejected: "
			"User unknown in local recipient table",
			"5.1.1", "550");
	assert_verdict(&r, c, "userunknown", true);
	bd_report_done(&r);
}

/* French, Exchange 2007: "HOST #552 ... ##" names the server that replied. */
static void test_french_2007_remote_host(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v13a-exch2007-fr-qp-two", 2);
	const struct bd_rcpt *t =
		account(&r, "theo.blanc@example.fr",
			"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", "5.1.1", "550");
	assert_null(t->remote_mta);
	const struct bd_rcpt *u =
		account(&r, "ugo.petit@example.com",
			"552 5.2.2 <ugo.petit@example.com>: Mailbox full", "5.2.2", "552");
	assert_str(u->remote_mta, "mx.example.com");
	assert_verdict(&r, u, "mailboxfull", false);
	bd_report_done(&r);
}

static void test_russian(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2016-ru-b64-nodsn-overquota", 1);
	const struct bd_rcpt *o =
		account(&r, "olga.ivanova@zavod.example.ru",
			"552 5.2.2 <olga.ivanova@zavod.example.ru>: user's mailbox is over quota",
			"5.2.2", "552");
	assert_verdict(&r, o, "mailboxfull", false);
	bd_report_done(&r);
}

static void test_swedish(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2010-sv-qp-nodsn-recipnotfound", 1);
	const struct bd_rcpt *i =
		account(&r, "ingrid.lindqvist@kund.example.se",
			"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", "5.1.1", "550");
	assert_verdict(&r, i, "userunknown", true);
	bd_report_done(&r);
}

/* Spanish, the HTML part only: "El servidor remoto devolvió '...'". */
static void test_spanish_html_only(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2010-es-cp1252-htmlonly-nodsn-virus-and-size", 2);
	const struct bd_rcpt *l = account(
		&r, "lucia.fernandez@cliente.example.es",
		"554 5.7.1 Message rejected: virus found in attachment (Win.Trojan.Agent-12345)",
		"5.7.1", "554");
	assert_verdict(&r, l, "virusdetected", false);
	const struct bd_rcpt *j = account(
		&r, "javier.ortega@otrocliente.example.mx",
		"552 5.3.4 Message size exceeds fixed maximum message size", "5.3.4", "552");
	assert_verdict(&r, j, "mesgtoobig", false);
	bd_report_done(&r);
}

static void test_german_2013(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2013-de-cp1252-nodsn-relaydenied", 1);
	const struct bd_rcpt *p =
		account(&r, "petra.schulz@lieferant.example.at",
			"550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
			"5.7.54", "550");
	assert_verdict(&r, p, "norelaying", false);
	bd_report_done(&r);
}

/* German puts the verb after the reply: "Remoteserver hat '...'
 * zurückgegeben"; the reply itself has an apostrophe ("domain's").  The
 * continuation lines' codes of the multi-line reply are dropped, as for
 * every diagnostic. */
static void test_german_verb_after_reply(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exch2016-de-qp-nodsn-dmarc-multiline-and-notfound", 2);
	const struct bd_rcpt *f = account(
		&r, "felix.braun@gmail.example",
		"550-5.7.26 Unauthenticated email from origin.example is not accepted due to "
		"domain's DMARC policy. Please contact the administrator of origin.example domain "
		"if this was a legitimate mail. To learn about the "
		"DMARC initiative, go to https://support.google.example/mail/?p=DmarcRejection "
		"a1b2c3-20020a.251 - gsmtp",
		"5.7.26", "550");
	assert_verdict(&r, f, "authfailure", false);
	account(&r, "vertrieb-nord@origin.example",
		"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address "
		"lookup",
		"5.1.10", "550");
	bd_report_done(&r);
}

static void test_german_online_html_only(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exo-de-htmlonly-nodsn-spamhaus", 1);
	const struct bd_rcpt *j =
		account(&r, "jonas.richter@kanzlei.example.de",
			"550 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using "
			"zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.45",
			"5.7.1", "550");
	assert_verdict(&r, j, "blocked", false);
	bd_report_done(&r);
}

/* Korean: "원격 서버가 '...'을(를) 반환했습니다." */
static void test_korean_online(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exo-ko-euckr-htmlonly-nodsn-accessdenied", 1);
	account(&r, "choi.yujin@georae.example.kr",
		"550 5.4.1 Recipient address rejected: Access denied. For more information see "
		"https://aka.ms/EXOSmtpErrors [SL2P216MB0001.KORP216.PROD.OUTLOOK.EXAMPLE]",
		"5.4.1", "550");
	bd_report_done(&r);
}

static void test_portuguese_online(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v16b-exo-ptbr-qp-nodsn-bannedip", 1);
	const struct bd_rcpt *b =
		account(&r, "beatriz.almeida@parceiro.example.com.br",
			"550 5.7.606 Access denied, banned sending IP [203.0.113.88]. To request "
			"removal from this list please visit https://sender.office.example/ and "
			"follow the directions.",
			"5.7.606", "550");
	assert_verdict(&r, b, "blocked", false);
	bd_report_done(&r);
}

/* Polish delay notice: "Server at HOST (IP) returned '451 ...'" names the
 * server, and the reply repeated after the attempt's time is said once. */
static void test_polish_delay(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v17a-exch2016-pl-qp-nodsn-delay-serverat", 1);
	assert_str(bd_kind_name(r.kind), "delay");
	const struct bd_rcpt *t =
		account(&r, "tomasz.wojcik@hurtownia.example.pl",
			"451 4.7.1 Greylisted, please try again in 300 seconds", "4.7.1", "451");
	assert_str(t->action, "delayed");
	assert_str(t->remote_mta, "mx.hurtownia.example.pl");
	bd_report_done(&r);
}

/* Exchange Online in Simplified Chinese: the replying server alone on the
 * line above "Remote Server returned". */
static void test_chinese_online_server_line(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v17a-exo-zhcn-b64-nodsn-hostline-userunknown", 1);
	const struct bd_rcpt *z =
		account(&r, "zhao.lei@kehu.example.cn",
			"550 5.1.1 <zhao.lei@kehu.example.cn>: Recipient address rejected: User "
			"unknown in virtual mailbox table",
			"5.1.1", "550");
	assert_str(z->remote_mta, "mx.kehu.example.cn");
	assert_verdict(&r, z, "userunknown", true);
	bd_report_done(&r);
}

/* Exchange 2010 in Traditional Chinese (Big5): "HOST #552 ... ##" and the
 * generating server's own "#550 ... ##". */
static void test_traditional_chinese_2010(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v17a-exch2010-zhtw-big5-nodsn-hosthash-two", 2);
	const struct bd_rcpt *h = account(
		&r, "huang.jianguo@kehu.example.com.tw",
		"552 5.2.2 <huang.jianguo@kehu.example.com.tw>: Mailbox full", "5.2.2", "552");
	assert_str(h->remote_mta, "mx.kehu.example.com.tw");
	assert_verdict(&r, h, "mailboxfull", false);
	const struct bd_rcpt *y =
		account(&r, "yewu@origin.example",
			"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", "5.1.1", "550");
	assert_null(y->remote_mta);
	bd_report_done(&r);
}

/* Italian, text part only: "Il server remoto ha restituito '...'". */
static void test_italian_two(void **state)
{
	(void)state;
	struct bd_report r;
	probe(&r, "v17a-exch2016-it-qp-nodsn-relay-and-unknown", 2);
	const struct bd_rcpt *l =
		account(&r, "luca.romano@rivenditore.example.it",
			"554 5.7.1 <luca.romano@rivenditore.example.it>: Relay access denied",
			"5.7.1", "554");
	assert_verdict(&r, l, "norelaying", false);
	const struct bd_rcpt *c = account(
		&r, "sara.conti@negozio.example.it",
		"550 5.1.1 <sara.conti@negozio.example.it>: Recipient address rejected: User "
		"unknown in local recipient table",
		"5.1.1", "550");
	assert_verdict(&r, c, "userunknown", true);
	bd_report_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french_two),
		cmocka_unit_test(test_french_2007_remote_host),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_swedish),
		cmocka_unit_test(test_spanish_html_only),
		cmocka_unit_test(test_german_2013),
		cmocka_unit_test(test_german_verb_after_reply),
		cmocka_unit_test(test_german_online_html_only),
		cmocka_unit_test(test_korean_online),
		cmocka_unit_test(test_portuguese_online),
		cmocka_unit_test(test_polish_delay),
		cmocka_unit_test(test_chinese_online_server_line),
		cmocka_unit_test(test_traditional_chinese_2010),
		cmocka_unit_test(test_italian_two),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
