/*
 * cipherx benchmark baseline: how long libssl itself needs for
 * SSL_CTX_set_cipher_list(ctx, s). Built and driven by openssl-baseline.js.
 *
 * usage: openssl-baseline FILE [TIME_MS_PER_STRING [MIN_ITERATIONS]]
 * FILE holds one cipher string per line ('\n'-terminated; no other byte is
 * special). One SSL_CTX (TLS_method, default TLS 1.3 ciphersuites) is reused
 * for every call. Prints one JSON object on stdout; results are in file order
 * and identify strings by index only.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#define DEFAULT_TLS13 "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void fail(const char *msg)
{
    fprintf(stderr, "openssl-baseline: %s\n", msg);
    exit(2);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail("cannot open input file");
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap + 1);
    size_t got;
    while (p != NULL && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            p = realloc(p, cap + 1);
        }
    }
    if (p == NULL)
        fail("out of memory");
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

/* Runs `iters` calls and returns the elapsed nanoseconds; *ok gets the last return value. */
static uint64_t run_batch(SSL_CTX *ctx, const char *s, uint64_t iters, int *ok)
{
    int r = 0;
    uint64_t t0 = now_ns();
    for (uint64_t i = 0; i < iters; i++)
        r = SSL_CTX_set_cipher_list(ctx, s);
    uint64_t dt = now_ns() - t0;
    *ok = r;
    return dt;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        fail("usage: openssl-baseline FILE [TIME_MS_PER_STRING [MIN_ITERATIONS]]");
    double time_ms = argc > 2 ? atof(argv[2]) : 200.0;
    uint64_t min_iters = argc > 3 ? strtoull(argv[3], NULL, 10) : 10;
    if (time_ms <= 0)
        time_ms = 1;
    if (min_iters < 1)
        min_iters = 1;
    uint64_t budget_ns = (uint64_t)(time_ms * 1e6);
    uint64_t batch_target_ns = budget_ns / 50 < 1000000 ? budget_ns / 50 : 1000000;
    if (batch_target_ns == 0)
        batch_target_ns = 1;

    /* Same settings as the oracle: the library's defaults, no openssl.cnf. */
    if (!OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG, NULL))
        fail("OPENSSL_init_ssl failed");
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    if (ctx == NULL || !SSL_CTX_set_ciphersuites(ctx, DEFAULT_TLS13))
        fail("cannot create SSL_CTX");

    size_t len;
    char *data = read_file(argv[1], &len);

    printf("{\"version\":\"%s\",\"timeMs\":%g,\"minIterations\":%llu,\"results\":[",
           OpenSSL_version(OPENSSL_VERSION), time_ms, (unsigned long long)min_iters);
    size_t index = 0;
    for (char *line = data; line < data + len; index++) {
        char *end = memchr(line, '\n', (size_t)(data + len - line));
        if (end == NULL)
            end = data + len;
        *end = '\0';

        int ok;
        uint64_t batch = 1;
        uint64_t warm_start = now_ns();
        /* Find a batch size that takes about batch_target_ns, then warm up for a tenth of the budget. */
        while (run_batch(ctx, line, batch, &ok) < batch_target_ns &&
               now_ns() - warm_start < budget_ns / 4)
            batch *= 2;
        while (now_ns() - warm_start < budget_ns / 10)
            run_batch(ctx, line, batch, &ok);

        uint64_t total_ns = 0, iters = 0;
        double best = 0;
        while (total_ns < budget_ns || iters < min_iters) {
            uint64_t dt = run_batch(ctx, line, batch, &ok);
            double per = (double)dt / (double)batch;
            if (iters == 0 || per < best)
                best = per;
            total_ns += dt;
            iters += batch;
        }
        ERR_clear_error();

        double mean = (double)total_ns / (double)iters;
        printf("%s\n{\"index\":%zu,\"ok\":%s,\"iterations\":%llu,\"totalNs\":%llu,"
               "\"meanNs\":%.1f,\"minBatchNs\":%.1f,\"opsPerSec\":%.1f}",
               index ? "," : "", index, ok ? "true" : "false", (unsigned long long)iters,
               (unsigned long long)total_ns, mean, best, 1e9 / mean);
        line = end + 1;
    }
    printf("\n]}\n");
    SSL_CTX_free(ctx);
    free(data);
    return 0;
}
