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

/* The matrix: how a notice in each language says why, one row a reason:
 * the recipient unknown, the domain unknown, the mailbox full, the message
 * too large, the account suspended, the recipient's own refusal of this
 * sender, the sending server refused, spam, a virus, retries given up, and
 * relaying refused. */
static void test_japanese_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Carriers (docomo, au, SoftBank, Rakuten), ISPs, hosting. */
		{NULL, NULL, "送信先のメールアドレスが存在しないため、送信できませんでした。", NULL,
		 "userunknown"},
		{NULL, NULL, "指定されたメールアドレスは存在しないか、現在使用されていません。",
		 NULL, "userunknown"},
		{NULL, NULL, "宛先のアドレスは現在使われておりません。", NULL, "userunknown"},
		{NULL, NULL, "ﾕｰｻﾞｰ不明のため配送できませんでした", NULL, "userunknown"},
		{NULL, NULL, "ｱﾄﾞﾚｽが存在しません", NULL, "userunknown"},
		{NULL, NULL, "送信先のドメインが存在しません。", NULL, "hostunknown"},
		{NULL, NULL, "宛先ホストが見つかりません", NULL, "hostunknown"},
		{NULL, NULL, "ﾄﾞﾒｲﾝ名が見つかりません", NULL, "hostunknown"},
		{NULL, NULL, "受信者のメールボックスの容量がいっぱいのため、受信できませんでした。",
		 NULL, "mailboxfull"},
		{NULL, NULL, "相手先の保存容量が上限に達しています", NULL, "mailboxfull"},
		{NULL, NULL, "メールボックスに空きがありません", NULL, "mailboxfull"},
		{NULL, NULL, "受信できるメールサイズを超えているため、受信できませんでした。", NULL,
		 "mesgtoobig"},
		{NULL, NULL, "メールサイズ制限を超えています", NULL, "mesgtoobig"},
		{NULL, NULL, "ﾒｰﾙｻｲｽﾞが大きすぎます", NULL, "mesgtoobig"},
		{NULL, NULL, "宛先のアカウントは利用停止中です。", NULL, "suspend"},
		{NULL, NULL, "このアカウントは停止されています", NULL, "suspend"},
		{NULL, NULL, "受信者が設定している指定受信設定により、メールが届きませんでした。",
		 NULL, "filtered"},
		{NULL, NULL, "相手先の迷惑メール対策の設定により受け取りを拒否されました", NULL,
		 "filtered"},
		{NULL, NULL,
		 "送信元IPアドレスがブラックリストに登録されているため、受信を拒否しました", NULL,
		 "blocked"},
		{NULL, NULL, "送信元サーバーからの接続が拒否されました", NULL, "blocked"},
		{NULL, NULL, "迷惑メール判定により配信を停止しました", NULL, "spamdetected"},
		{NULL, NULL, "ウイルスが検出されたため、メールを破棄しました", NULL,
		 "virusdetected"},
		{NULL, NULL, "ウィルスを検知しました", NULL, "virusdetected"},
		{NULL, NULL, "５日間配送を試みましたが、配送できませんでした。", NULL, "expired"},
		{NULL, NULL, "再送を繰り返しましたが、配送を断念しました", NULL, "expired"},
		{NULL, NULL, "このサーバーでは中継は許可されていません", NULL, "norelaying"},
		{NULL, NULL, "リレーを拒否しました", NULL, "norelaying"},
		{NULL, NULL, "メールボックスの空き容量がないため保存できませんでした", NULL,
		 "mailboxfull"},
		{NULL, NULL, "送信されたメールは、受信できる最大サイズ(20MB)を超えていました", NULL,
		 "mesgtoobig"},
		{NULL, NULL, "宛先のアドレスは現在ご利用を停止しております", NULL, "suspend"},
		{NULL, NULL, "相手先の設定により、メールの受信は拒否されました", NULL, "filtered"},
		{NULL, NULL, "宛先のメールアドレスが存在しません", NULL, "userunknown"},
		{NULL, NULL, "1日あたりの送信件数の上限に達したため送信できませんでした", NULL,
		 "speeding"},
		{NULL, NULL, "一定時間内のメール通数の制限を超えたため、受け付けを保留しました",
		 NULL, "speeding"},
		{NULL, NULL, "1時間あたりの送信可能通数（1,500通）を超えたため、送信を中止しました",
		 NULL, "speeding"},
		{NULL, NULL,
		 "72時間以内に宛先のメールサーバーへ届けることができなかったため返送します", NULL,
		 "expired"},
		{NULL, NULL, "宛先のメールアドレスは廃止されています。", NULL, "userunknown"},
		{NULL, NULL,
		 "添付ファイルの種類（.exe）が宛先のサーバーで受け付けられない形式のため", NULL,
		 "contenterror"},
		{NULL, NULL, "宛先のサーバーはTLSによる暗号化接続でのみメールを受け付けています",
		 NULL, "securityerror"},
		{NULL, NULL, "宛先のメールサーバーがグレイリスティングにより受信を保留しています",
		 NULL, "policyviolation"},
		{NULL, NULL,
		 "送信元のIPアドレス（203.0.113.88）からのメールは、迷惑メール対策のため受け付けを"
		 "停止しています",
		 NULL, "blocked"},
		/* Advice about a limit or an attachment is no verdict. */
		{NULL, NULL,
		 "宛先のメールアドレスが見つかりません。72時間以内に配送できない場合は返送されます。",
		 NULL, "userunknown"},
		{NULL, NULL,
		 "宛先のメールアドレスが見つかりません。添付ファイルが受け付けられない場合もあります。",
		 NULL, "userunknown"},
		/* Advice in the same notice names no verdict. */
		{NULL, NULL,
		 "宛先のメールアドレスは存在しません。受信者のメールボックスの容量がいっぱいの場合や、"
		 "迷惑メール設定をしている場合も届かないことがあります。",
		 NULL, "userunknown"},
		{NULL, NULL,
		 "メールの送信に失敗しました。ウイルス対策ソフトで添付ファイルを確認してください。"
		 "メールのサイズが大きすぎるため受け付けられませんでした。",
		 NULL, "mesgtoobig"},
		{NULL, NULL,
		 "宛先のメールアドレスが見つかりません。送信数の上限を超えた場合も"
		 "届かないことがあります。",
		 NULL, "userunknown"},
	};
	CHECK(cases);
}

/* Japanese terse forms (a reason in a few words, as carriers' and ISPs'
 * notices put it after "原因:"), and the half-width forms of older systems. */
static void test_japanese_terse(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "原因：ユーザー不明（Ｕｓｅｒ　ｕｎｋｎｏｗｎ）", NULL, "userunknown"},
		{NULL, NULL, "このメールアドレスは現在使用されておりません。", NULL, "userunknown"},
		{NULL, NULL, "原因：ドメイン不明", NULL, "hostunknown"},
		{NULL, NULL, "送信先ドメインが存在しないか、DNSに登録されていません。", NULL,
		 "hostunknown"},
		{NULL, NULL, "原因：メールボックス容量超過", NULL, "mailboxfull"},
		{NULL, NULL, "ﾒｰﾙﾎﾞｯｸｽ容量ｵｰﾊﾞｰ", NULL, "mailboxfull"},
		{NULL, NULL, "原因：メールサイズオーバー", NULL, "mesgtoobig"},
		{NULL, NULL, "原因：アカウント停止中", NULL, "suspend"},
		{NULL, NULL, "原因：受信拒否", NULL, "filtered"},
		{NULL, NULL, "原因：迷惑メール判定のため", NULL, "spamdetected"},
		{NULL, NULL, "原因：ウイルス検出のため", NULL, "virusdetected"},
		{NULL, NULL, "原因：配送期限切れ", NULL, "expired"},
		{NULL, NULL, "原因：中継拒否", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_chinese_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "查无此用户，请核对收件人地址", NULL, "userunknown"},
		{NULL, NULL, "收件人帐户不存在", NULL, "userunknown"},
		{NULL, NULL, "找不到收件者，請確認地址是否正確", NULL, "userunknown"},
		{NULL, NULL, "找不到该域名的邮件服务器", NULL, "hostunknown"},
		{NULL, NULL, "收件者的網域不存在", NULL, "hostunknown"},
		{NULL, NULL, "收件人邮箱已超出容量限制", NULL, "mailboxfull"},
		{NULL, NULL, "對方信箱已滿，無法接收郵件", NULL, "mailboxfull"},
		{NULL, NULL, "邮件大小超出对方服务器的限制", NULL, "mesgtoobig"},
		{NULL, NULL, "收件人帐号已被冻结", NULL, "suspend"},
		{NULL, NULL, "該帳號已停用", NULL, "suspend"},
		{NULL, NULL, "收件人设置了拒收，您的邮件被拒绝", NULL, "filtered"},
		{NULL, NULL, "您已被收件者封鎖", NULL, "filtered"},
		{NULL, NULL, "发信服务器IP被列入黑名单，邮件被拒绝", NULL, "blocked"},
		{NULL, NULL, "郵件被判定為垃圾郵件", NULL, "spamdetected"},
		{NULL, NULL, "邮件中检测到病毒，已被删除", NULL, "virusdetected"},
		{NULL, NULL, "郵件含有病毒", NULL, "virusdetected"},
		{NULL, NULL, "多次尝试投递均失败，系统已放弃投递", NULL, "expired"},
		{NULL, NULL, "投遞逾時，郵件已退回", NULL, "expired"},
		{NULL, NULL, "服务器不允许中继", NULL, "norelaying"},
		{NULL, NULL, "拒絕中繼", NULL, "norelaying"},
		/* Advice about viruses is no virus found. */
		{NULL, NULL, "收件人不存在。请注意防范病毒邮件。", NULL, "userunknown"},
	};
	CHECK(cases);
}

static void test_korean_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "받는 사람을 찾을 수 없습니다.", NULL, "userunknown"},
		{NULL, NULL, "존재하지 않는 메일 주소입니다", NULL, "userunknown"},
		{NULL, NULL, "받는 사람 주소의 도메인이 존재하지 않습니다.", NULL, "hostunknown"},
		{NULL, NULL, "존재하지 않는 도메인입니다", NULL, "hostunknown"},
		{NULL, NULL, "받는 사람의 메일함이 가득 찼습니다", NULL, "mailboxfull"},
		{NULL, NULL, "편지함 용량이 부족합니다", NULL, "mailboxfull"},
		{NULL, NULL, "메일 크기가 허용된 최대 크기를 초과했습니다", NULL, "mesgtoobig"},
		{NULL, NULL, "받는 사람의 계정이 휴면 상태입니다", NULL, "suspend"},
		{NULL, NULL, "사용이 정지된 계정입니다", NULL, "suspend"},
		{NULL, NULL, "받는 사람이 회원님의 주소를 수신 거부했습니다", NULL, "filtered"},
		{NULL, NULL, "보내는 서버의 IP가 블랙리스트에 등록되어 있습니다", NULL, "blocked"},
		{NULL, NULL, "스팸으로 분류되어 수신이 거부되었습니다", NULL, "spamdetected"},
		{NULL, NULL, "바이러스가 발견되어 메일이 삭제되었습니다", NULL, "virusdetected"},
		{NULL, NULL, "재시도 기간이 만료되어 메일을 보내지 못했습니다", NULL, "expired"},
		{NULL, NULL, "릴레이가 허용되지 않습니다", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_russian_ukrainian_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Адрес получателя не существует.", NULL, "userunknown"},
		{NULL, NULL, "Неизвестный пользователь", NULL, "userunknown"},
		{NULL, NULL, "Домен получателя не найден", NULL, "hostunknown"},
		{NULL, NULL, "Почтовый ящик получателя заполнен", NULL, "mailboxfull"},
		{NULL, NULL, "Превышена квота почтового ящика", NULL, "mailboxfull"},
		{NULL, NULL, "Размер письма превышает допустимый", NULL, "mesgtoobig"},
		{NULL, NULL, "Письмо слишком большое", NULL, "mesgtoobig"},
		{NULL, NULL, "Почтовый ящик получателя заблокирован", NULL, "suspend"},
		{NULL, NULL, "Учётная запись получателя отключена", NULL, "suspend"},
		{NULL, NULL, "Получатель запретил приём писем с вашего адреса", NULL, "filtered"},
		{NULL, NULL, "Письмо отклонено фильтром получателя", NULL, "filtered"},
		{NULL, NULL, "Адрес отправителя отклонён", NULL, "rejected"},
		{NULL, NULL, "IP-адрес вашего сервера находится в чёрном списке", NULL, "blocked"},
		{NULL, NULL, "Письмо распознано как спам", NULL, "spamdetected"},
		{NULL, NULL, "В письме обнаружен вирус", NULL, "virusdetected"},
		{NULL, NULL, "Не удалось доставить письмо в течение 5 дней", NULL, "expired"},
		{NULL, NULL, "Истёк срок доставки письма", NULL, "expired"},
		{NULL, NULL, "Ретрансляция запрещена", NULL, "norelaying"},
		/* Ukrainian */
		{NULL, NULL, "Поштова скринька не існує", NULL, "userunknown"},
		{NULL, NULL, "Користувача не знайдено", NULL, "userunknown"},
		{NULL, NULL, "Домен одержувача не існує", NULL, "hostunknown"},
		{NULL, NULL, "Поштова скринька одержувача переповнена", NULL, "mailboxfull"},
		{NULL, NULL, "Розмір листа перевищує допустимий", NULL, "mesgtoobig"},
		{NULL, NULL, "Обліковий запис одержувача заблоковано", NULL, "suspend"},
		{NULL, NULL, "Одержувач заборонив отримання листів від вас", NULL, "filtered"},
		{NULL, NULL, "IP-адреса вашого сервера в чорному списку", NULL, "blocked"},
		{NULL, NULL, "Лист визнано спамом", NULL, "spamdetected"},
		{NULL, NULL, "У листі виявлено вірус", NULL, "virusdetected"},
		{NULL, NULL, "Не вдалося доставити лист протягом 5 днів", NULL, "expired"},
		{NULL, NULL, "Ретрансляцію заборонено", NULL, "norelaying"},
		/* Advice: "check the spam folder" is no spam verdict. */
		{NULL, NULL,
		 "Пользователь не найден. Если письмо не пришло, проверьте папку «Спам».", NULL,
		 "userunknown"},
	};
	CHECK(cases);
}

static void test_german_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Die E-Mail-Adresse des Empfängers existiert nicht.", NULL,
		 "userunknown"},
		{NULL, NULL, "Unbekannter Empfänger", NULL, "userunknown"},
		{NULL, NULL, "Benutzer nicht bekannt", NULL, "userunknown"},
		{NULL, NULL, "Die Domain des Empfängers existiert nicht.", NULL, "hostunknown"},
		{NULL, NULL, "Die Zieldomäne wurde nicht gefunden", NULL, "hostunknown"},
		{NULL, NULL, "Das Postfach hat sein Speicherlimit überschritten.", NULL,
		 "mailboxfull"},
		{NULL, NULL, "Die Nachricht ist zu groß.", NULL, "mesgtoobig"},
		{NULL, NULL, "Die maximale Nachrichtengröße wurde überschritten", NULL,
		 "mesgtoobig"},
		{NULL, NULL, "Das Konto des Empfängers ist gesperrt.", NULL, "suspend"},
		{NULL, NULL, "Das Postfach wurde deaktiviert", NULL, "suspend"},
		{NULL, NULL, "Der Empfänger hat Nachrichten von Ihrer Adresse blockiert.", NULL,
		 "filtered"},
		{NULL, NULL, "Die Absenderadresse wurde abgelehnt", NULL, "rejected"},
		{NULL, NULL, "Die IP-Adresse Ihres Mailservers steht auf einer Sperrliste.", NULL,
		 "blocked"},
		{NULL, NULL, "Die Nachricht wurde als unerwünschte Werbung eingestuft", NULL,
		 "spamdetected"},
		{NULL, NULL, "Die Nachricht enthält einen Virus", NULL, "virusdetected"},
		{NULL, NULL, "Die Nachricht konnte innerhalb von 5 Tagen nicht zugestellt werden.",
		 NULL, "expired"},
		{NULL, NULL, "Die Zustellversuche wurden abgebrochen", NULL, "expired"},
		{NULL, NULL, "Relaying nicht erlaubt", NULL, "norelaying"},
		/* Advice: "if the mailbox is full, ..." names no full mailbox. */
		{NULL, NULL,
		 "Empfängeradresse unbekannt. Falls das Postfach voll ist, versuchen Sie es später.",
		 NULL, "userunknown"},
	};
	CHECK(cases);
}

static void test_french_spanish_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Adresse e-mail introuvable", NULL, "userunknown"},
		{NULL, NULL, "Le nom de domaine du destinataire n'existe pas.", NULL,
		 "hostunknown"},
		{NULL, NULL, "Domaine introuvable", NULL, "hostunknown"},
		{NULL, NULL, "Le quota de la boîte aux lettres est dépassé", NULL, "mailboxfull"},
		{NULL, NULL, "Le message est trop volumineux.", NULL, "mesgtoobig"},
		{NULL, NULL, "Le compte du destinataire est désactivé.", NULL, "suspend"},
		{NULL, NULL, "Le destinataire a bloqué votre adresse.", NULL, "filtered"},
		{NULL, NULL, "L'adresse IP de votre serveur figure sur une liste noire.", NULL,
		 "blocked"},
		{NULL, NULL, "Le message a été identifié comme courrier indésirable", NULL,
		 "spamdetected"},
		{NULL, NULL, "Le message contient un virus", NULL, "virusdetected"},
		{NULL, NULL, "Le délai de remise a expiré.", NULL, "expired"},
		{NULL, NULL, "Relais refusé", NULL, "norelaying"},
		/* Spanish */
		{NULL, NULL, "No se encontró el destinatario", NULL, "userunknown"},
		{NULL, NULL, "No se pudo encontrar el dominio del destinatario", NULL,
		 "hostunknown"},
		{NULL, NULL, "El destinatario ha excedido su cuota de almacenamiento", NULL,
		 "mailboxfull"},
		{NULL, NULL, "El mensaje es demasiado grande", NULL, "mesgtoobig"},
		{NULL, NULL, "La cuenta del destinatario está desactivada", NULL, "suspend"},
		{NULL, NULL, "El destinatario ha bloqueado tu dirección", NULL, "filtered"},
		{NULL, NULL, "La IP de su servidor está en una lista negra", NULL, "blocked"},
		{NULL, NULL, "El mensaje fue identificado como correo no deseado", NULL,
		 "spamdetected"},
		{NULL, NULL, "El mensaje contiene un virus", NULL, "virusdetected"},
		{NULL, NULL, "El plazo de entrega ha expirado", NULL, "expired"},
		{NULL, NULL, "Retransmisión denegada", NULL, "norelaying"},
		/* Advice: "check your junk mail folder" is no spam verdict. */
		{NULL, NULL,
		 "El buzón del destinatario está lleno. Revise también su carpeta de correo no "
		 "deseado.",
		 NULL, "mailboxfull"},
	};
	CHECK(cases);
}

static void test_italian_portuguese_dutch_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Destinatario non trovato", NULL, "userunknown"},
		{NULL, NULL, "Dominio non trovato", NULL, "hostunknown"},
		{NULL, NULL, "Quota della casella superata", NULL, "mailboxfull"},
		{NULL, NULL, "Il messaggio è troppo grande", NULL, "mesgtoobig"},
		{NULL, NULL, "L'account del destinatario è disattivato", NULL, "suspend"},
		{NULL, NULL, "Il destinatario ha bloccato il tuo indirizzo", NULL, "filtered"},
		{NULL, NULL, "Il server mittente è in lista nera", NULL, "blocked"},
		{NULL, NULL, "Il messaggio è stato classificato come posta indesiderata", NULL,
		 "spamdetected"},
		{NULL, NULL, "Il messaggio contiene un virus", NULL, "virusdetected"},
		{NULL, NULL, "Il tempo massimo di consegna è scaduto", NULL, "expired"},
		{NULL, NULL, "Relay non consentito", NULL, "norelaying"},
		/* Portuguese */
		{NULL, NULL, "Usuário não encontrado", NULL, "userunknown"},
		{NULL, NULL, "Domínio não encontrado", NULL, "hostunknown"},
		{NULL, NULL, "O destinatário excedeu a cota de armazenamento", NULL, "mailboxfull"},
		{NULL, NULL, "A mensagem é muito grande", NULL, "mesgtoobig"},
		{NULL, NULL, "A conta do destinatário está desativada", NULL, "suspend"},
		{NULL, NULL, "O destinatário bloqueou o seu endereço", NULL, "filtered"},
		{NULL, NULL, "O IP do servidor remetente está em uma lista negra", NULL, "blocked"},
		{NULL, NULL, "A mensagem foi classificada como lixo eletrônico", NULL,
		 "spamdetected"},
		{NULL, NULL, "A mensagem contém vírus", NULL, "virusdetected"},
		{NULL, NULL, "O prazo de entrega expirou", NULL, "expired"},
		{NULL, NULL, "Retransmissão negada", NULL, "norelaying"},
		/* Dutch */
		{NULL, NULL, "De ontvanger is niet gevonden", NULL, "userunknown"},
		{NULL, NULL, "Het domein is onbekend", NULL, "hostunknown"},
		{NULL, NULL, "Het quotum van de mailbox is overschreden", NULL, "mailboxfull"},
		{NULL, NULL, "Het bericht is te groot", NULL, "mesgtoobig"},
		{NULL, NULL, "Het account van de ontvanger is uitgeschakeld", NULL, "suspend"},
		{NULL, NULL, "De ontvanger heeft uw adres geblokkeerd", NULL, "filtered"},
		{NULL, NULL, "Uw server staat op een zwarte lijst", NULL, "blocked"},
		{NULL, NULL, "Het bericht is aangemerkt als ongewenste e-mail", NULL,
		 "spamdetected"},
		{NULL, NULL, "Het bericht bevat een virus", NULL, "virusdetected"},
		{NULL, NULL, "De bezorgtermijn is verlopen", NULL, "expired"},
		{NULL, NULL, "Relay niet toegestaan", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_central_european_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Polish */
		{NULL, NULL, "Nie znaleziono odbiorcy", NULL, "userunknown"},
		{NULL, NULL, "Nie znaleziono domeny odbiorcy", NULL, "hostunknown"},
		{NULL, NULL, "Przekroczono limit pojemności skrzynki", NULL, "mailboxfull"},
		{NULL, NULL, "Wiadomość jest zbyt duża", NULL, "mesgtoobig"},
		{NULL, NULL, "Konto odbiorcy zostało zablokowane", NULL, "suspend"},
		{NULL, NULL, "Odbiorca zablokował Twój adres", NULL, "filtered"},
		{NULL, NULL, "Adres IP Twojego serwera jest na czarnej liście", NULL, "blocked"},
		{NULL, NULL, "Wiadomość została uznana za spam", NULL, "spamdetected"},
		{NULL, NULL, "Wiadomość zawiera wirusa", NULL, "virusdetected"},
		{NULL, NULL, "Nie udało się dostarczyć wiadomości w ciągu 5 dni", NULL, "expired"},
		{NULL, NULL, "Przekazywanie poczty (relay) jest niedozwolone", NULL, "norelaying"},
		/* Czech */
		{NULL, NULL, "Adresa příjemce neexistuje", NULL, "userunknown"},
		{NULL, NULL, "Neznámý uživatel", NULL, "userunknown"},
		{NULL, NULL, "Doména příjemce neexistuje", NULL, "hostunknown"},
		{NULL, NULL, "Schránka příjemce je plná", NULL, "mailboxfull"},
		{NULL, NULL, "Zpráva je příliš velká", NULL, "mesgtoobig"},
		{NULL, NULL, "Účet příjemce je zablokován", NULL, "suspend"},
		{NULL, NULL, "Příjemce zablokoval vaši adresu", NULL, "filtered"},
		{NULL, NULL, "Váš server je na černé listině", NULL, "blocked"},
		{NULL, NULL, "Zpráva byla označena jako nevyžádaná pošta", NULL, "spamdetected"},
		{NULL, NULL, "Zpráva obsahuje virus", NULL, "virusdetected"},
		{NULL, NULL, "Zprávu se nepodařilo doručit během 5 dnů", NULL, "expired"},
		{NULL, NULL, "Přeposílání (relay) není povoleno", NULL, "norelaying"},
		/* Hungarian */
		{NULL, NULL, "A címzett nem létezik", NULL, "userunknown"},
		{NULL, NULL, "A címzett tartománya nem található", NULL, "hostunknown"},
		{NULL, NULL, "A címzett postafiókja megtelt", NULL, "mailboxfull"},
		{NULL, NULL, "Az üzenet túl nagy", NULL, "mesgtoobig"},
		{NULL, NULL, "A címzett fiókja fel van függesztve", NULL, "suspend"},
		{NULL, NULL, "A címzett letiltotta az Ön címét", NULL, "filtered"},
		{NULL, NULL, "A küldő szerver feketelistán van", NULL, "blocked"},
		{NULL, NULL, "Az üzenetet kéretlen levélnek minősítettük", NULL, "spamdetected"},
		{NULL, NULL, "Az üzenet vírust tartalmaz", NULL, "virusdetected"},
		{NULL, NULL, "Az üzenetet nem sikerült kézbesíteni 5 napon belül", NULL, "expired"},
		{NULL, NULL, "A továbbítás (relay) nem engedélyezett", NULL, "norelaying"},
		/* Romanian, with the comma and the cedilla letters */
		{NULL, NULL, "Destinatarul nu există", NULL, "userunknown"},
		{NULL, NULL, "Domeniul destinatarului nu există", NULL, "hostunknown"},
		{NULL, NULL, "Căsuța poștală a destinatarului este plină", NULL, "mailboxfull"},
		{NULL, NULL, "Cãsuţa poştalã a destinatarului este plinã", NULL, "mailboxfull"},
		{NULL, NULL, "Mesajul este prea mare", NULL, "mesgtoobig"},
		{NULL, NULL, "Contul destinatarului este suspendat", NULL, "suspend"},
		{NULL, NULL, "Destinatarul a blocat adresa dumneavoastră", NULL, "filtered"},
		{NULL, NULL, "Serverul expeditor este pe lista neagră", NULL, "blocked"},
		{NULL, NULL, "Mesajul a fost clasificat drept spam", NULL, "spamdetected"},
		{NULL, NULL, "Mesajul conține un virus", NULL, "virusdetected"},
		{NULL, NULL, "Mesajul nu a putut fi livrat în 5 zile", NULL, "expired"},
		{NULL, NULL, "Releu nepermis", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_nordic_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Swedish */
		{NULL, NULL, "Mottagaren finns inte", NULL, "userunknown"},
		{NULL, NULL, "Domänen hittades inte", NULL, "hostunknown"},
		{NULL, NULL, "Mottagarens brevlåda är full", NULL, "mailboxfull"},
		{NULL, NULL, "Meddelandet är för stort", NULL, "mesgtoobig"},
		{NULL, NULL, "Mottagarens konto är avstängt", NULL, "suspend"},
		{NULL, NULL, "Mottagaren har blockerat din adress", NULL, "filtered"},
		{NULL, NULL, "Din server är svartlistad", NULL, "blocked"},
		{NULL, NULL, "Meddelandet klassades som skräppost", NULL, "spamdetected"},
		{NULL, NULL, "Meddelandet innehåller virus", NULL, "virusdetected"},
		{NULL, NULL, "Meddelandet kunde inte levereras inom 5 dagar", NULL, "expired"},
		{NULL, NULL, "Reläing tillåts inte", NULL, "norelaying"},
		/* Danish */
		{NULL, NULL, "Modtageren findes ikke", NULL, "userunknown"},
		{NULL, NULL, "Domænet findes ikke", NULL, "hostunknown"},
		{NULL, NULL, "Modtagerens postkasse er fuld", NULL, "mailboxfull"},
		{NULL, NULL, "Meddelelsen er for stor", NULL, "mesgtoobig"},
		{NULL, NULL, "Modtagerens konto er spærret", NULL, "suspend"},
		{NULL, NULL, "Modtageren har blokeret din adresse", NULL, "filtered"},
		{NULL, NULL, "Din server er på en sortliste", NULL, "blocked"},
		{NULL, NULL, "Meddelelsen blev vurderet som uønsket post", NULL, "spamdetected"},
		{NULL, NULL, "Meddelelsen indeholder virus", NULL, "virusdetected"},
		{NULL, NULL, "Meddelelsen kunne ikke leveres inden for 5 dage", NULL, "expired"},
		{NULL, NULL, "Relay er ikke tilladt", NULL, "norelaying"},
		/* Norwegian */
		{NULL, NULL, "Mottakeren finnes ikke", NULL, "userunknown"},
		{NULL, NULL, "Domenet finnes ikke", NULL, "hostunknown"},
		{NULL, NULL, "Mottakerens postkasse er full", NULL, "mailboxfull"},
		{NULL, NULL, "Meldingen er for stor", NULL, "mesgtoobig"},
		{NULL, NULL, "Mottakerens konto er sperret", NULL, "suspend"},
		{NULL, NULL, "Mottakeren har blokkert adressen din", NULL, "filtered"},
		{NULL, NULL, "Serveren din står på en svarteliste", NULL, "blocked"},
		{NULL, NULL, "Meldingen ble klassifisert som søppelpost", NULL, "spamdetected"},
		{NULL, NULL, "Meldingen inneholder virus", NULL, "virusdetected"},
		{NULL, NULL, "Meldingen kunne ikke leveres innen 5 dager", NULL, "expired"},
		{NULL, NULL, "Relay er ikke tillatt", NULL, "norelaying"},
		/* Finnish */
		{NULL, NULL, "Vastaanottajaa ei löydy", NULL, "userunknown"},
		{NULL, NULL, "Verkkotunnusta ei ole olemassa", NULL, "hostunknown"},
		{NULL, NULL, "Vastaanottajan postilaatikko on täynnä", NULL, "mailboxfull"},
		{NULL, NULL, "Viesti on liian suuri", NULL, "mesgtoobig"},
		{NULL, NULL, "Vastaanottajan tili on suljettu", NULL, "suspend"},
		{NULL, NULL, "Vastaanottaja on estänyt osoitteesi", NULL, "filtered"},
		{NULL, NULL, "Palvelimesi on mustalla listalla", NULL, "blocked"},
		{NULL, NULL, "Viesti luokiteltiin roskapostiksi", NULL, "spamdetected"},
		{NULL, NULL, "Viesti sisältää viruksen", NULL, "virusdetected"},
		{NULL, NULL, "Viestiä ei voitu toimittaa 5 päivän kuluessa", NULL, "expired"},
		{NULL, NULL, "Välittäminen (relay) ei ole sallittua", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_greek_turkish_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Greek */
		{NULL, NULL, "Ο παραλήπτης δεν υπάρχει", NULL, "userunknown"},
		{NULL, NULL, "Άγνωστος χρήστης", NULL, "userunknown"},
		{NULL, NULL, "Ο τομέας του παραλήπτη δεν βρέθηκε", NULL, "hostunknown"},
		{NULL, NULL, "Το γραμματοκιβώτιο του παραλήπτη είναι πλήρες", NULL, "mailboxfull"},
		{NULL, NULL, "Το μήνυμα είναι πολύ μεγάλο", NULL, "mesgtoobig"},
		{NULL, NULL, "Ο λογαριασμός του παραλήπτη έχει απενεργοποιηθεί", NULL, "suspend"},
		{NULL, NULL, "Ο παραλήπτης έχει αποκλείσει τη διεύθυνσή σας", NULL, "filtered"},
		{NULL, NULL, "Ο διακομιστής σας βρίσκεται σε μαύρη λίστα", NULL, "blocked"},
		{NULL, NULL, "Το μήνυμα χαρακτηρίστηκε ως ανεπιθύμητη αλληλογραφία", NULL,
		 "spamdetected"},
		{NULL, NULL, "Το μήνυμα περιέχει ιό", NULL, "virusdetected"},
		{NULL, NULL, "Το μήνυμα δεν παραδόθηκε μέσα σε 5 ημέρες", NULL, "expired"},
		{NULL, NULL, "Η αναμετάδοση (relay) δεν επιτρέπεται", NULL, "norelaying"},
		/* Turkish */
		{NULL, NULL, "Alıcı bulunamadı", NULL, "userunknown"},
		{NULL, NULL, "Böyle bir kullanıcı yok", NULL, "userunknown"},
		{NULL, NULL, "Alan adı bulunamadı", NULL, "hostunknown"},
		{NULL, NULL, "Alıcının posta kutusu dolu", NULL, "mailboxfull"},
		{NULL, NULL, "İleti boyutu çok büyük", NULL, "mesgtoobig"},
		{NULL, NULL, "Alıcının hesabı askıya alınmış", NULL, "suspend"},
		{NULL, NULL, "Alıcı adresinizi engelledi", NULL, "filtered"},
		{NULL, NULL, "Sunucunuz kara listede", NULL, "blocked"},
		{NULL, NULL, "İleti istenmeyen e-posta olarak sınıflandırıldı", NULL,
		 "spamdetected"},
		{NULL, NULL, "İleti virüs içeriyor", NULL, "virusdetected"},
		{NULL, NULL, "İleti 5 gün içinde teslim edilemedi", NULL, "expired"},
		{NULL, NULL, "Aktarmaya (relay) izin verilmiyor", NULL, "norelaying"},
	};
	CHECK(cases);
}

static void test_southeast_asian_matrix(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		/* Vietnamese */
		{NULL, NULL, "Người nhận không tồn tại", NULL, "userunknown"},
		{NULL, NULL, "Địa chỉ email không tồn tại", NULL, "userunknown"},
		{NULL, NULL, "Không tìm thấy tên miền của người nhận", NULL, "hostunknown"},
		{NULL, NULL, "Hộp thư của người nhận đã đầy", NULL, "mailboxfull"},
		{NULL, NULL, "Thư quá lớn", NULL, "mesgtoobig"},
		{NULL, NULL, "Tài khoản của người nhận đã bị khóa", NULL, "suspend"},
		{NULL, NULL, "Người nhận đã chặn địa chỉ của bạn", NULL, "filtered"},
		{NULL, NULL, "Máy chủ của bạn nằm trong danh sách đen", NULL, "blocked"},
		{NULL, NULL, "Thư bị đánh dấu là thư rác", NULL, "spamdetected"},
		{NULL, NULL, "Thư có chứa virus", NULL, "virusdetected"},
		{NULL, NULL, "Không thể gửi thư trong vòng 5 ngày", NULL, "expired"},
		{NULL, NULL, "Không cho phép chuyển tiếp (relay)", NULL, "norelaying"},
		/* Indonesian */
		{NULL, NULL, "Penerima tidak ditemukan", NULL, "userunknown"},
		{NULL, NULL, "Alamat email tidak ada", NULL, "userunknown"},
		{NULL, NULL, "Domain penerima tidak ditemukan", NULL, "hostunknown"},
		{NULL, NULL, "Kotak surat penerima penuh", NULL, "mailboxfull"},
		{NULL, NULL, "Ukuran pesan terlalu besar", NULL, "mesgtoobig"},
		{NULL, NULL, "Akun penerima dinonaktifkan", NULL, "suspend"},
		{NULL, NULL, "Penerima telah memblokir alamat Anda", NULL, "filtered"},
		{NULL, NULL, "Server Anda masuk daftar hitam", NULL, "blocked"},
		{NULL, NULL, "Pesan ditandai sebagai spam", NULL, "spamdetected"},
		{NULL, NULL, "Pesan mengandung virus", NULL, "virusdetected"},
		{NULL, NULL, "Pesan tidak dapat dikirim dalam 5 hari", NULL, "expired"},
		{NULL, NULL, "Relay tidak diizinkan", NULL, "norelaying"},
		/* Thai */
		{NULL, NULL, "ไม่พบผู้รับ", NULL, "userunknown"},
		{NULL, NULL, "ไม่มีที่อยู่อีเมลนี้", NULL, "userunknown"},
		{NULL, NULL, "ไม่พบโดเมนของผู้รับ", NULL, "hostunknown"},
		{NULL, NULL, "กล่องจดหมายของผู้รับเต็ม", NULL, "mailboxfull"},
		{NULL, NULL, "ข้อความมีขนาดใหญ่เกินไป", NULL, "mesgtoobig"},
		{NULL, NULL, "บัญชีของผู้รับถูกระงับ", NULL, "suspend"},
		{NULL, NULL, "ผู้รับได้บล็อกที่อยู่ของคุณ", NULL, "filtered"},
		{NULL, NULL, "เซิร์ฟเวอร์ของคุณอยู่ในบัญชีดำ", NULL, "blocked"},
		{NULL, NULL, "ข้อความถูกระบุว่าเป็นสแปม", NULL, "spamdetected"},
		{NULL, NULL, "ข้อความมีไวรัส", NULL, "virusdetected"},
		{NULL, NULL, "ไม่สามารถส่งข้อความได้ภายใน 5 วัน", NULL, "expired"},
		{NULL, NULL, "ไม่อนุญาตให้ส่งต่อ (relay)", NULL, "norelaying"},
	};
	CHECK(cases);
}

/* The user-information sentences of translated server NDRs: the address
 * that was entered was not found, the mailbox is full, the message is too
 * large (said as a cause: "because it is too large"). */
static void test_translated_ndr_sentences(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL, "Die eingegebene E-Mail-Adresse wurde nicht gefunden.", NULL,
		 "userunknown"},
		{NULL, NULL, "L'adresse e-mail que vous avez entrée est introuvable.", NULL,
		 "userunknown"},
		{NULL, NULL, "No se encontró la dirección de correo electrónico que escribió.",
		 NULL, "userunknown"},
		{NULL, NULL, "Impossibile trovare l'indirizzo di posta elettronica immesso.", NULL,
		 "userunknown"},
		{NULL, NULL, "Não foi possível encontrar o endereço de email que você inseriu.",
		 NULL, "userunknown"},
		{NULL, NULL, "Het e-mailadres dat u hebt ingevoerd, is niet gevonden.", NULL,
		 "userunknown"},
		{NULL, NULL, "Nie można odnaleźć wprowadzonego adresu e-mail.", NULL,
		 "userunknown"},
		{NULL, NULL, "Не удалось найти указанный адрес электронной почты.", NULL,
		 "userunknown"},
		{NULL, NULL, "找不到您输入的电子邮件地址。", NULL, "userunknown"},
		{NULL, NULL, "입력한 전자 메일 주소를 찾을 수 없습니다.", NULL, "userunknown"},
		{NULL, NULL, "La cassetta postale del destinatario è piena.", NULL, "mailboxfull"},
		{NULL, NULL, "Het postvak van de geadresseerde is vol.", NULL, "mailboxfull"},
		{NULL, NULL, "Skrzynka pocztowa adresata jest pełna.", NULL, "mailboxfull"},
		{NULL, NULL, "Die Nachricht wurde nicht zugestellt, weil sie zu groß ist.", NULL,
		 "mesgtoobig"},
	};
	CHECK(cases);
}

/* Words of advice, of a footer or of a condition ("if the mailbox is
 * full", "checked for viruses") name no verdict: the statement decides. */
static void test_advice_and_footers(void **state)
{
	(void)state;
	static const struct expect cases[] = {
		{NULL, NULL,
		 "Adresse e-mail introuvable. Si la boîte aux lettres du destinataire est pleine, "
		 "vous recevrez un autre avis.",
		 NULL, "userunknown"},
		{NULL, NULL,
		 "Usuario desconocido. Si el buzón del destinatario está lleno, inténtelo más tarde.",
		 NULL, "userunknown"},
		{NULL, NULL,
		 "Пользователь не найден. Если почтовый ящик переполнен, повторите отправку позже.",
		 NULL, "userunknown"},
		{NULL, NULL, "收件人不存在。如果收件人邮箱已满，请稍后再试。", NULL, "userunknown"},
		{NULL, NULL,
		 "받는 사람을 찾을 수 없습니다. 메일함이 가득 찬 경우에는 나중에 다시 보내세요.",
		 NULL, "userunknown"},
		/* Words for the sender's address or domain refuse the sender. */
		{NULL, NULL, "Le domaine de l'expéditeur n'existe pas.", NULL, "rejected"},
		{NULL, NULL, "El dominio del remitente no existe.", NULL, "rejected"},
		{NULL, NULL, "Die Domain des Absenders existiert nicht.", NULL, "rejected"},
		{NULL, NULL, "Die E-Mail-Adresse des Absenders wurde nicht gefunden.", NULL,
		 "rejected"},
		/* A blocklist that is the recipient's own is the recipient's filter. */
		{NULL, NULL, "Ваш адрес находится в чёрном списке получателя.", NULL, "filtered"},
		{NULL, NULL, "Votre adresse figure sur la liste noire du destinataire.", NULL,
		 "filtered"},
		{NULL, NULL, "O prazo de entrega expirou.\n-- \nMensagem verificada contra vírus.",
		 NULL, "expired"},
		{NULL, NULL, "Die Zustellversuche wurden abgebrochen.\n-- \nAuf Viren geprüft.",
		 NULL, "expired"},
		{NULL, NULL,
		 "Il tempo massimo di consegna è scaduto. Se il messaggio è troppo grande, "
		 "riceverai un altro avviso.",
		 NULL, "expired"},
		{NULL, NULL,
		 "配送期限切れのため返送します。\nメールのサイズが大きすぎる場合は分割して送信してください。",
		 NULL, "expired"},
	};
	CHECK(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_korean_and_chinese),
		cmocka_unit_test(test_russian_german_french),
		cmocka_unit_test(test_japanese_matrix),
		cmocka_unit_test(test_japanese_terse),
		cmocka_unit_test(test_chinese_matrix),
		cmocka_unit_test(test_korean_matrix),
		cmocka_unit_test(test_russian_ukrainian_matrix),
		cmocka_unit_test(test_german_matrix),
		cmocka_unit_test(test_french_spanish_matrix),
		cmocka_unit_test(test_italian_portuguese_dutch_matrix),
		cmocka_unit_test(test_central_european_matrix),
		cmocka_unit_test(test_nordic_matrix),
		cmocka_unit_test(test_greek_turkish_matrix),
		cmocka_unit_test(test_southeast_asian_matrix),
		cmocka_unit_test(test_translated_ndr_sentences),
		cmocka_unit_test(test_advice_and_footers),
	};
	return cmocka_run_group_tests_name("localised", tests, load_defaults, free_defaults);
}
