/* sha256.h: SHA-256 (FIPS 180-4), used to recognise a message already in
 * the store by its content. */
#ifndef BD_SHA256_H
#define BD_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bd_sha256 {
	uint32_t h[8];
	uint64_t len; /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
};

void bd_sha256_init(struct bd_sha256 *s);
void bd_sha256_add(struct bd_sha256 *s, const void *data, size_t n);
void bd_sha256_end(struct bd_sha256 *s, unsigned char out[32]);
/* One call: the digest of data[0..n). */
void bd_sha256(const void *data, size_t n, unsigned char out[32]);
/* Uses the CPU's SHA instructions when use is set and the CPU has them
 * (the default), else the portable code; returns whether they are used.
 * For tests and benchmarks; not thread-safe. */
bool bd_sha256_accelerated(bool use);
/* Lower-case hex of a 32-byte digest into hex[65]. */
void bd_sha256_hex(const unsigned char d[32], char hex[65]);

#endif
