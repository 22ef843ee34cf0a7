/* test_addr_prose.c: an address read out of prose: where the words of
 * Korean, Japanese and Chinese notices follow it with no space between, and
 * addresses of unusual but valid form (RFC 5321 4.1.2, 4.1.3): an address
 * literal for the domain, IPv4 or IPv6, and a quoted local part that holds
 * an '@'. */
#include "testlib.h"

#include "../../core/addr.h"
#include "../../core/arena.h"

static void check(const char *text, const char *want)
{
	struct bd_arena a;
	bd_arena_init(&a);
	const char *got = bd_addr_first(&a, text);
	if (!got || strcmp(got, want) != 0)
		fprintf(stderr, "%s -> %s, want %s\n", text, got ? got : "(null)", want);
	assert_non_null(got);
	assert_string_equal(got, want);
	bd_arena_done(&a);
}

static void test_particle_after_the_domain(void **state)
{
	(void)state;
	check("choi.yujin@georae.example.kr에게 보낸 메시지", "choi.yujin@georae.example.kr");
	check("送信先 taro@mail.example.jpへの配信", "taro@mail.example.jp");
	check("您发给 wang@kehu.example.cn的邮件", "wang@kehu.example.cn");
}

static void test_idn_labels_stay(void **state)
{
	(void)state;
	/* A label of its own in another script is the domain's. */
	check("営業@例え.jp", "営業@例え.jp");
	check("info@mail.例え.jp", "info@mail.例え.jp");
	check("kim@한국.example.kr", "kim@한국.example.kr");
}

static void test_address_literal(void **state)
{
	(void)state;
	check("<admin@[192.0.2.44]>", "admin@[192.0.2.44]");
	check("RFC822; admin@[192.0.2.44]", "admin@[192.0.2.44]");
	check("550 5.1.1 <admin@[192.0.2.44]>... User unknown", "admin@[192.0.2.44]");
	check("ops@[IPv6:2001:db8::25]", "ops@[ipv6:2001:db8::25]");
	check("<ops@[IPv6:2001:db8::25]>: host said", "ops@[ipv6:2001:db8::25]");
	/* A bracket after an ordinary domain is the prose's. */
	check("[user unknown: kim@example.com]", "kim@example.com");
}

static void test_quoted_local_part_with_at(void **state)
{
	(void)state;
	check("<\"billing@dept\"@example.com>", "\"billing@dept\"@example.com");
	check("rfc822; \"billing@dept\"@example.com", "\"billing@dept\"@example.com");
	check("<\"john doe\"@example.com>: host", "\"john doe\"@example.com");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_particle_after_the_domain),
		cmocka_unit_test(test_idn_labels_stay),
		cmocka_unit_test(test_address_literal),
		cmocka_unit_test(test_quoted_local_part_with_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
