/* test_addr_prose.c: an address read out of prose, where the words of
 * Korean, Japanese and Chinese notices follow it with no space between. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_particle_after_the_domain),
		cmocka_unit_test(test_idn_labels_stay),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
