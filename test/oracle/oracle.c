/*
 * cipherx test oracle: asks this machine's libssl how it evaluates cipher
 * strings. Driven by test/oracle/openssl-oracle.ts; not part of the package.
 *
 * Protocol (all integers little-endian), one record per request on stdin:
 *   u32 payload length, then the payload:
 *     u8  mode          bit 0: also SSL_get1_supported_ciphers; bit 1: set a PSK
 *                       client callback; bit 2: set an SRP password callback (as
 *                       `openssl ciphers -psk` / `-srp` do)
 *     i32 min_proto     0 = leave unset (e.g. 0x0303 = TLS 1.2)
 *     i32 max_proto     0 = leave unset
 *     i32 sec_level     -1 = leave unset
 *     u32 cs_len        0xFFFFFFFF = do not call SSL_CTX_set_ciphersuites
 *     cs_len bytes      TLS 1.3 ciphersuites string
 *     remaining bytes   the cipher string (no NUL)
 * On start one JSON "hello" line is written; then exactly one JSON line per
 * request, in order. Output is flushed whenever no complete request is left
 * in the input buffer, so pipelined batches are answered in bulk.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* SSL_CTX_set_srp_client_pwd_callback is deprecated in 3.0 but still what `openssl ciphers -srp` calls. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#define MAX_RECORD (1u << 30)
#define NO_CIPHERSUITES 0xFFFFFFFFu

typedef struct {
    char *p;
    size_t len, cap;
} buf_t;

static buf_t out;

static void die(const char *msg)
{
    fprintf(stderr, "cipherx-oracle: %s\n", msg);
    exit(2);
}

static void reserve(buf_t *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + extra)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void put(const char *s, size_t n)
{
    reserve(&out, n);
    memcpy(out.p + out.len, s, n);
    out.len += n;
}

static void puts_(const char *s) { put(s, strlen(s)); }

static void putf(const char *fmt, long v)
{
    char tmp[64];
    int n = snprintf(tmp, sizeof tmp, fmt, v);
    put(tmp, (size_t)n);
}

static void put_json_string(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put("\"", 1);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            char e[2] = {'\\', (char)*c};
            put(e, 2);
        } else if (*c < 0x20 || *c >= 0x7f) {
            char e[6] = {'\\', 'u', '0', '0', hex[*c >> 4], hex[*c & 15]};
            put(e, 6);
        } else {
            put((const char *)c, 1);
        }
    }
    put("\"", 1);
}

static void flush_out(void)
{
    size_t off = 0;
    while (off < out.len) {
        ssize_t n = write(1, out.p + off, out.len - off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            exit(errno == EPIPE ? 0 : 2);
        }
        off += (size_t)n;
    }
    out.len = 0;
}

/* Writes `"key":[...]` with every reason in the error queue, emptying it. */
static void put_errors(const char *key)
{
    unsigned long e;
    int first = 1;
    put("\"", 1);
    puts_(key);
    puts_("\":[");
    while ((e = ERR_get_error()) != 0) {
        const char *reason = ERR_reason_error_string(e);
        char tmp[96];
        if (reason == NULL) {
            snprintf(tmp, sizeof tmp, "lib(%d) reason(%d)", ERR_GET_LIB(e),
                     ERR_GET_REASON(e));
            reason = tmp;
        }
        if (!first)
            put(",", 1);
        first = 0;
        put_json_string(reason);
    }
    put("]", 1);
}

static void put_cipher_names(const char *key, STACK_OF(SSL_CIPHER) *sk)
{
    put("\"", 1);
    puts_(key);
    puts_("\":");
    if (sk == NULL) {
        puts_("null");
        return;
    }
    put("[", 1);
    for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
        if (i)
            put(",", 1);
        put_json_string(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(sk, i)));
    }
    put("]", 1);
}

static unsigned int dummy_psk(SSL *ssl, const char *hint, char *identity,
                              unsigned int max_identity_len, unsigned char *psk,
                              unsigned int max_psk_len)
{
    (void)ssl; (void)hint; (void)identity; (void)max_identity_len; (void)psk;
    (void)max_psk_len;
    return 0;
}

static char *dummy_srp(SSL *ssl, void *arg)
{
    (void)ssl; (void)arg;
    return (char *)"";
}

static uint32_t rd_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static char *dup_bytes(const unsigned char *p, size_t n)
{
    char *s = malloc(n + 1);
    if (s == NULL)
        die("out of memory");
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

static void answer(unsigned long seq, const unsigned char *rec, uint32_t len)
{
    putf("{\"seq\":%ld", (long)seq);
    if (len < 17) {
        puts_(",\"fatal\":\"malformed request\"}\n");
        return;
    }
    int mode = rec[0];
    int min_proto = (int32_t)rd_u32(rec + 1);
    int max_proto = (int32_t)rd_u32(rec + 5);
    int sec_level = (int32_t)rd_u32(rec + 9);
    uint32_t cs_len = rd_u32(rec + 13);
    size_t pos = 17;
    if (cs_len != NO_CIPHERSUITES && cs_len > len - pos) {
        puts_(",\"fatal\":\"malformed request\"}\n");
        return;
    }
    size_t cs_bytes = cs_len == NO_CIPHERSUITES ? 0 : cs_len;
    const unsigned char *cs_p = rec + pos;
    const unsigned char *str_p = rec + pos + cs_bytes;
    size_t str_len = len - pos - cs_bytes;
    if (memchr(cs_p, 0, cs_bytes) != NULL || memchr(str_p, 0, str_len) != NULL) {
        puts_(",\"fatal\":\"NUL byte in input\"}\n");
        return;
    }

    ERR_clear_error();
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    if (ctx == NULL) {
        puts_(",\"fatal\":\"SSL_CTX_new failed\",");
        put_errors("errors");
        puts_("}\n");
        return;
    }

    if (cs_len != NO_CIPHERSUITES) {
        char *cs = dup_bytes(cs_p, cs_bytes);
        int cs_ok = SSL_CTX_set_ciphersuites(ctx, cs);
        free(cs);
        putf(",\"csOk\":%ld,", cs_ok);
        put_errors("csErrors");
    }
    if (mode & 2)
        SSL_CTX_set_psk_client_callback(ctx, dummy_psk);
    if (mode & 4)
        SSL_CTX_set_srp_client_pwd_callback(ctx, dummy_srp);
    if (min_proto != 0 && !SSL_CTX_set_min_proto_version(ctx, min_proto))
        puts_(",\"minProtoRejected\":true");
    if (max_proto != 0 && !SSL_CTX_set_max_proto_version(ctx, max_proto))
        puts_(",\"maxProtoRejected\":true");
    if (sec_level >= 0)
        SSL_CTX_set_security_level(ctx, sec_level);
    ERR_clear_error();

    char *str = dup_bytes(str_p, str_len);
    int ok = SSL_CTX_set_cipher_list(ctx, str);
    free(str);
    putf(",\"ok\":%ld,", ok);
    put_errors("errors");
    putf(",\"secLevel\":%ld,", SSL_CTX_get_security_level(ctx));
    put_cipher_names("ciphers", SSL_CTX_get_ciphers(ctx));

    if (mode & 1) {
        SSL *ssl = SSL_new(ctx);
        STACK_OF(SSL_CIPHER) *sup = ssl ? SSL_get1_supported_ciphers(ssl) : NULL;
        put(",", 1);
        put_cipher_names("supported", sup);
        put(",", 1);
        put_errors("supportedErrors");
        sk_SSL_CIPHER_free(sup);
        SSL_free(ssl);
    }
    puts_("}\n");
    SSL_CTX_free(ctx);
}

int main(void)
{
    /*
     * The configuration file (openssl.cnf, OPENSSL_CONF) is deliberately not
     * loaded: answers must reflect the library's built-in defaults, the same
     * on every machine, not whatever a local system_default section sets.
     */
    if (!OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_LOAD_SSL_STRINGS |
                              OPENSSL_INIT_LOAD_CRYPTO_STRINGS,
                          NULL))
        die("OPENSSL_init_ssl failed");

    puts_("{\"hello\":\"cipherx-oracle\",\"protocol\":1,\"version\":");
    put_json_string(OpenSSL_version(OPENSSL_VERSION));
    putf(",\"versionNumber\":%ld}\n", (long)OpenSSL_version_num());
    flush_out();

    buf_t in = {0};
    size_t start = 0;
    unsigned long seq = 0;
    for (;;) {
        while (in.len - start >= 4) {
            uint32_t len = rd_u32((unsigned char *)in.p + start);
            if (len > MAX_RECORD)
                die("request too large");
            if (in.len - start - 4 < len)
                break;
            answer(seq++, (unsigned char *)in.p + start + 4, len);
            start += 4 + (size_t)len;
        }
        flush_out();
        if (start > 0) {
            memmove(in.p, in.p + start, in.len - start);
            in.len -= start;
            start = 0;
        }
        reserve(&in, 65536);
        ssize_t n = read(0, in.p + in.len, in.cap - in.len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("read failed");
        }
        if (n == 0)
            break;
        in.len += (size_t)n;
    }
    if (in.len != 0)
        die("truncated request at end of input");
    return 0;
}
