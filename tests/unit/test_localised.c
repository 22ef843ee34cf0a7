/* test_localised.c: the human-readable words of non-delivery notices that
 * providers and translated MTA templates write in the sender's language,
 * when no delivery-status part gives a code: the words alone must decide.
 * Each text is written for the test; the reason follows from what it says
 * (DOMAIN.md's vocabulary). */
#include "testrules.h"

#undef CHECK
#define CHECK(cases) check_expect(cases, sizeof(cases) / sizeof(cases[0]), expect_verdict)

static void test_japanese(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Judged spam: the refusal that follows is the spam's. */
		{NULL, NULL,
		 "相手先のサーバーで迷惑メールと判定されたため、受け取りを拒否されました。", NULL,
		 "spamdetected"},
		{NULL, NULL, "スパムメールとして検出されたため配信できませんでした", NULL,
		 "spamdetected"},
		/* Advice about the recipient's spam settings names no spam verdict. */
		{NULL, NULL,
		 "受信者の設定により、このメールの受信が拒否されました。受信者に迷惑メール設定の確認を"
		 "依頼してください。",
		 NULL, "filtered"},
		{NULL, NULL, "メールのサイズが大きすぎるため、相手先で受け付けられませんでした",
		 NULL, "mesgtoobig"},
		{NULL, NULL, "メッセージの容量が上限を超えています", NULL, "mesgtoobig"},
		{NULL, NULL, "受信者のメールボックスの空き容量が足りないため受け取れませんでした",
		 NULL, "mailboxfull"},
		{NULL, NULL, "<a@example.jp> のユーザーは登録されていません", NULL, "userunknown"},
		{NULL, NULL, "送信先のメールアドレスが見つかりませんでした。", NULL, "userunknown"},
		{NULL, NULL, "宛先のメールサーバーが見つかりませんでした", NULL, "hostunknown"},
		{NULL, NULL,
		 "一定時間内に相手先のサーバーへ配信できなかったため、配信を中止しました。", NULL,
		 "expired"},
		{NULL, NULL, "配送期限切れのため返送します", NULL, "expired"},
	};
	CHECK(cases);
}

static void test_korean_and_chinese(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "받는 사람이 회원님의 메일을 수신 차단하였습니다.", NULL, "filtered"},
		{NULL, NULL, "수신자가 수신거부한 주소입니다", NULL, "filtered"},
		{NULL, NULL, "退信原因：邮件被对方服务器判定为垃圾邮件，已被拒收。", NULL,
		 "spamdetected"},
		{NULL, NULL, "疑似垃圾郵件，已被退回", NULL, "spamdetected"},
		{NULL, NULL, "原因：郵件大小超過收件伺服器的限制", NULL, "mesgtoobig"},
		{NULL, NULL, "邮件过大，对方服务器拒绝接收", NULL, "mesgtoobig"},
		/* The mailbox (邮箱), not the message (邮件), is full. */
		{NULL, NULL, "收件人邮箱已满", NULL, "mailboxfull"},
	};
	CHECK(cases);
}

static void test_russian_german_french(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Причина: почтовый ящик получателя не существует.", NULL,
		 "userunknown"},
		{NULL, NULL, "Grund: Empfängeradresse unbekannt.", NULL, "userunknown"},
		{NULL, NULL, "Benutzer a@example.de ist im Domino-Verzeichnis nicht aufgeführt",
		 NULL, "userunknown"},
		{NULL, NULL,
		 "L'utilisateur a@example.fr n'est pas répertorié dans l'annuaire Domino", NULL,
		 "userunknown"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_korean_and_chinese),
		cmocka_unit_test(test_russian_german_french),
	};
	return cmocka_run_group_tests_name("localised", tests, load_defaults, free_defaults);
}
