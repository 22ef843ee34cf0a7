/* test_european_limits.c: limits, a server out of disk space, a blocklist
 * and a missing domain in the words of European providers' replies and
 * translated templates.  A temporary code leaves the reason to the words
 * (else the retries gave up: expired), so each case here carries one.
 * Every diagnostic is written for the test. */
#include "testrules.h"

static void test_connections_and_recipients(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.0", "421",
		 "421 4.7.0 Zu viele gleichzeitige Verbindungen von Ihrer IP-Adresse, bitte "
		 "spaeter erneut versuchen",
		 "CONN", "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Zu viele Empfaenger in dieser Nachricht", "RCPT",
		 "toomanyconn"},
		{"4.7.0", "421", "421 4.7.0 Trop de connexions simultanees depuis votre adresse IP",
		 "CONN", "toomanyconn"},
		{"4.5.3", "452",
		 "452 4.5.3 Te veel ontvangers in dit bericht, probeer het later opnieuw", "RCPT",
		 "toomanyconn"},
		{"4.7.0", "421", "421 4.7.0 Troppe connessioni dal tuo indirizzo IP", "CONN",
		 "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 Demasiados destinatarios en el mensaje", "RCPT",
		 "toomanyconn"},
		{"4.7.0", "421", "421 4.7.0 Zbyt wiele polaczen z Twojego adresu IP", "CONN",
		 "toomanyconn"},
		{"4.5.3", "452", "452 4.5.3 For mange mottakere i meldingen", "RCPT",
		 "toomanyconn"},
	};
	CHECK(cases);
}

static void test_message_rates(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.7.0", "421",
		 "421 4.7.0 Trop de messages recus depuis votre adresse IP en peu de temps, "
		 "ralentissez votre debit d'envoi",
		 "MAIL", "speeding"},
		{"4.7.1", "450",
		 "450 4.7.1 Zu viele Nachrichten in kurzer Zeit, bitte spaeter erneut", "RCPT",
		 "speeding"},
		{"4.7.1", "450", "450 4.7.1 Te veel berichten verstuurd, probeer het later opnieuw",
		 "RCPT", "speeding"},
		{"4.7.1", "451", "451 4.7.1 Zbyt wiele wiadomosci w krotkim czasie", "RCPT",
		 "speeding"},
		/* Too many messages held in the mailbox fill it; they are no rate. */
		{"5.2.2", "552",
		 "552 5.2.2 Trop de messages dans la boite aux lettres du destinataire", "RCPT",
		 "mailboxfull"},
		{"5.2.2", "552", "552 5.2.2 Zu viele Nachrichten im Postfach des Empfaengers",
		 "RCPT", "mailboxfull"},
	};
	CHECK(cases);
}

static void test_server_storage(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{"4.3.1", "452",
		 "452 4.3.1 Palvelimen levytila on lopussa, yrita myohemmin uudelleen", "MAIL",
		 "systemfull"},
		{"4.3.1", "452",
		 "452 4.3.1 Spazio su disco esaurito sul server, riprovare piu tardi", "MAIL",
		 "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Espace disque insuffisant sur le serveur", "MAIL",
		 "systemfull"},
		{"4.3.1", "452", "452 4.3.1 Diskutrymmet ar slut pa servern", "MAIL", "systemfull"},
	};
	CHECK(cases);
}

static void test_blocklists_and_domains(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* SMTP replies are ASCII: Czech and Slovak without diacritics. */
		{"5.7.1", "550",
		 "550 5.7.1 Zprava odmitnuta: IP adresa odesilajiciho serveru 192.0.2.20 je na "
		 "cerne listine",
		 "RCPT", "blocked"},
		{"5.7.1", "554", "554 5.7.1 IP adresa 192.0.2.20 je na ciernej listine", "RCPT",
		 "blocked"},
		{NULL, NULL,
		 "Motivo: o domínio cliente.example não existe (não foi encontrado nenhum servidor "
		 "de correio)",
		 NULL, "hostunknown"},
		{NULL, NULL, "Die Domain kunde.example existiert nicht.", NULL, "hostunknown"},
		{NULL, NULL, "El dominio cliente.example no existe", NULL, "hostunknown"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_connections_and_recipients),
		cmocka_unit_test(test_message_rates),
		cmocka_unit_test(test_server_storage),
		cmocka_unit_test(test_blocklists_and_domains),
	};
	return cmocka_run_group_tests_name("european_limits", tests, load_defaults, free_defaults);
}
