/* test_str_search.c: the caseless search every detector and marker lookup
 * relies on finds the first occurrence, whatever byte of the needle it
 * anchors on: checked against a plain byte-by-byte search. */
#include "testlib.h"

#include "../../core/str.h"

static char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* The obvious search, the reference. */
static const char *naive(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0)
		return hay;
	for (size_t i = 0; i + nlen <= hlen; i++) {
		size_t k = 0;
		while (k < nlen && fold(hay[i + k]) == fold(needle[k]))
			k++;
		if (k == nlen)
			return hay + i;
	}
	return NULL;
}

static void same(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	const char *want = naive(hay, hlen, needle, nlen);
	const char *got = bd_memcasemem(hay, hlen, needle, nlen);
	if (got != want)
		fprintf(stderr, "needle \"%.*s\" in \"%.*s\": at %td, want %td\n", (int)nlen,
			needle, (int)hlen, hay, got ? got - hay : -1, want ? want - hay : -1);
	assert_ptr_equal(got, want);
}

static void test_markers_in_notices(void **state)
{
	(void)state;
	/* Ruled lines before the marker: the dashes must not hide it. */
	const char *t = "Reason: quota\n---------------------------------\n"
			"--- below this line is a copy of the message.\n--- Below";
	same(t, strlen(t), "--- Below this line is a copy of the message", 44);
	assert_non_null(bd_strcasestr(t, "--- BELOW THIS LINE"));
	/* The first of several occurrences, the match at the very end, a
	 * needle longer than the text, an empty needle. */
	t = "550 user unknown; 550 USER UNKNOWN";
	assert_ptr_equal(bd_strcasestr(t, "User Unknown"), t + 4);
	assert_ptr_equal(bd_strcasestr(t, "unknown"), t + 9);
	assert_ptr_equal(bd_memcasemem(t, strlen(t), "UNKNOWN", 7), t + 9);
	same(t, strlen(t), "user unknownx", 13);
	same(t, 3, "5501", 4);
	same(t, strlen(t), "", 0);
	/* A needle of filler only, and one whose rarest byte is its last. */
	same("a - -- --- b", 12, "---", 3);
	same("xx-yy-zz-q", 10, "-q", 2);
	/* Bytes past ASCII and NUL inside the text are plain bytes. */
	const char bin[] = "ab\0cd\xe3\x81\x82Z\0z";
	same(bin, sizeof(bin) - 1, "\xe3\x81\x82z", 4);
	same(bin, sizeof(bin) - 1, "d\xe3", 2);
	same(bin, sizeof(bin) - 1, "\0c", 2);
}

/* Random texts over a small alphabet (so that partial matches are common)
 * and needles cut from them or made up: the search agrees with the
 * reference on every one. */
static void test_agrees_with_plain_search(void **state)
{
	(void)state;
	static const char alpha[] = "aAbB-- =.\nxXq0";
	unsigned seed = 12345;
	char hay[300], needle[40];
	for (int round = 0; round < 20000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t hlen = (seed >> 8) % sizeof(hay);
		for (size_t i = 0; i < hlen; i++) {
			seed = seed * 1103515245u + 12345u;
			hay[i] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
		}
		seed = seed * 1103515245u + 12345u;
		size_t nlen = 1 + (seed >> 8) % (sizeof(needle) - 1);
		seed = seed * 1103515245u + 12345u;
		if (hlen >= nlen && (seed >> 20) % 2) {
			size_t at = (seed >> 4) % (hlen - nlen + 1);
			for (size_t i = 0; i < nlen; i++)
				needle[i] = (char)(i % 3 == 0 ? fold(hay[at + i]) : hay[at + i]);
		} else {
			for (size_t i = 0; i < nlen; i++) {
				seed = seed * 1103515245u + 12345u;
				needle[i] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
			}
		}
		same(hay, hlen, needle, nlen);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markers_in_notices),
		cmocka_unit_test(test_agrees_with_plain_search),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
