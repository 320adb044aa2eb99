/*
 * cipherx handshake oracle: runs real TLS handshakes between two contexts of this
 * machine's libssl, in memory, and reports what they agreed on. Driven by
 * test/oracle/handshake-oracle.ts; not part of the package.
 *
 * Protocol (integers little-endian), one record per request on stdin:
 *   u32 payload length, then the payload:
 *     u8  flags          bit 0: the server prefers its own order
 *                        (SSL_OP_CIPHER_SERVER_PREFERENCE); bit 1: the server's
 *                        certificate is ECDSA P-256 (else RSA 3072)
 *     i32 x 6            client min, max protocol, security level; the same for the
 *                        server (0 / 0 / -1 = leave unset)
 *     5 strings, each u32 length + bytes: client cipher list, client ciphersuites,
 *                        server cipher list, server ciphersuites, server groups
 *                        (SSL_CTX_set1_groups_list); a length of 0xFFFFFFFF leaves
 *                        that setting at the library default
 * On start one JSON "hello" line is written; then one JSON line per request:
 *   {"seq":n,"clientConfig":1,"serverConfig":1,"ok":1,"version":"TLSv1.2",
 *    "cipher":"...","errors":["..."]}
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#define NO_STRING 0xFFFFFFFFu

static void die(const char *msg)
{
    fprintf(stderr, "cipherx-handshake: %s\n", msg);
    exit(2);
}

static void json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            printf("\\%c", *c);
        else if (*c < 0x20 || *c >= 0x7f)
            printf("\\u%04x", *c);
        else
            putchar(*c);
    }
    putchar('"');
}

static uint32_t rd_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A self-signed certificate for `key`: the client does not verify it. */
static X509 *self_signed(EVP_PKEY *key)
{
    X509 *x = X509_new();
    if (x == NULL)
        die("X509_new failed");
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"cipherx", -1, -1, 0);
    X509_set_issuer_name(x, name);
    if (!X509_sign(x, key, EVP_sha256()))
        die("X509_sign failed");
    return x;
}

static EVP_PKEY *rsa_key, *ec_key;
static X509 *rsa_cert, *ec_cert;

/* Reads one length-prefixed string; *s = NULL for "leave the default". */
static int take_string(const unsigned char **p, const unsigned char *end, char **s)
{
    if (end - *p < 4)
        return 0;
    uint32_t n = rd_u32(*p);
    *p += 4;
    if (n == NO_STRING) {
        *s = NULL;
        return 1;
    }
    if ((uint32_t)(end - *p) < n || memchr(*p, 0, n) != NULL)
        return 0;
    *s = malloc(n + 1);
    if (*s == NULL)
        die("out of memory");
    memcpy(*s, *p, n);
    (*s)[n] = '\0';
    *p += n;
    return 1;
}

static int configure(SSL_CTX *ctx, int min, int max, int level, const char *list, const char *suites)
{
    if (min != 0 && !SSL_CTX_set_min_proto_version(ctx, min))
        return 0;
    if (max != 0 && !SSL_CTX_set_max_proto_version(ctx, max))
        return 0;
    if (level >= 0)
        SSL_CTX_set_security_level(ctx, level);
    if (suites != NULL && !SSL_CTX_set_ciphersuites(ctx, suites))
        return 0;
    if (list != NULL && !SSL_CTX_set_cipher_list(ctx, list))
        return 0;
    return 1;
}

static void put_errors(void)
{
    unsigned long e;
    int first = 1;
    printf(",\"errors\":[");
    while ((e = ERR_get_error()) != 0) {
        const char *r = ERR_reason_error_string(e);
        char tmp[64];
        if (r == NULL) {
            snprintf(tmp, sizeof tmp, "reason(%d)", ERR_GET_REASON(e));
            r = tmp;
        }
        if (!first)
            putchar(',');
        first = 0;
        json_string(r);
    }
    putchar(']');
}

static void answer(unsigned long seq, const unsigned char *rec, uint32_t len)
{
    const unsigned char *p = rec, *end = rec + len;
    printf("{\"seq\":%lu", seq);
    if (len < 25) {
        printf(",\"fatal\":\"malformed request\"}\n");
        return;
    }
    int flags = *p++;
    int v[6];
    for (int i = 0; i < 6; i++, p += 4)
        v[i] = (int32_t)rd_u32(p);
    char *cl = NULL, *cs = NULL, *sl = NULL, *ss = NULL, *sg = NULL;
    if (!take_string(&p, end, &cl) || !take_string(&p, end, &cs) || !take_string(&p, end, &sl) ||
        !take_string(&p, end, &ss) || !take_string(&p, end, &sg)) {
        printf(",\"fatal\":\"malformed request\"}\n");
        free(cl), free(cs), free(sl), free(ss), free(sg);
        return;
    }

    ERR_clear_error();
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX *sctx = SSL_CTX_new(TLS_server_method());
    if (cctx == NULL || sctx == NULL)
        die("SSL_CTX_new failed");
    int cok = configure(cctx, v[0], v[1], v[2], cl, cs);
    int sok = configure(sctx, v[3], v[4], v[5], sl, ss) && (sg == NULL || SSL_CTX_set1_groups_list(sctx, sg));
    if (flags & 1)
        SSL_CTX_set_options(sctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_dh_auto(sctx, 1);
    int certok = (flags & 2) ? SSL_CTX_use_certificate(sctx, ec_cert) && SSL_CTX_use_PrivateKey(sctx, ec_key)
                             : SSL_CTX_use_certificate(sctx, rsa_cert) && SSL_CTX_use_PrivateKey(sctx, rsa_key);
    printf(",\"clientConfig\":%d,\"serverConfig\":%d,\"certificate\":%d", cok, sok, certok);

    int ok = 0;
    const char *version = NULL, *cipher = NULL;
    SSL *c = NULL, *s = NULL;
    if (cok && sok && certok) {
        ERR_clear_error();
        c = SSL_new(cctx);
        s = SSL_new(sctx);
        BIO *cb, *sb;
        if (c == NULL || s == NULL || !BIO_new_bio_pair(&cb, 0, &sb, 0))
            die("SSL_new or BIO_new_bio_pair failed");
        SSL_set_bio(c, cb, cb);
        SSL_set_bio(s, sb, sb);
        SSL_set_connect_state(c);
        SSL_set_accept_state(s);
        int cdone = 0, sdone = 0, failed = 0;
        for (int round = 0; round < 64 && !(cdone && sdone) && !failed; round++) {
            if (!cdone) {
                int r = SSL_do_handshake(c);
                if (r == 1)
                    cdone = 1;
                else if (SSL_get_error(c, r) != SSL_ERROR_WANT_READ && SSL_get_error(c, r) != SSL_ERROR_WANT_WRITE)
                    failed = 1;
            }
            if (!sdone && !failed) {
                int r = SSL_do_handshake(s);
                if (r == 1)
                    sdone = 1;
                else if (SSL_get_error(s, r) != SSL_ERROR_WANT_READ && SSL_get_error(s, r) != SSL_ERROR_WANT_WRITE)
                    failed = 1;
            }
        }
        ok = cdone && sdone;
        if (ok) {
            version = SSL_get_version(c);
            cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(c));
        }
    }
    printf(",\"ok\":%d", ok);
    if (ok) {
        printf(",\"version\":");
        json_string(version);
        printf(",\"cipher\":");
        json_string(cipher);
    }
    put_errors();
    printf("}\n");
    SSL_free(c);
    SSL_free(s);
    SSL_CTX_free(cctx);
    SSL_CTX_free(sctx);
    free(cl), free(cs), free(sl), free(ss), free(sg);
}

int main(void)
{
    /* Built-in defaults only, as in oracle.c: no openssl.cnf. */
    if (!OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_LOAD_SSL_STRINGS |
                              OPENSSL_INIT_LOAD_CRYPTO_STRINGS,
                          NULL))
        die("OPENSSL_init_ssl failed");
    rsa_key = EVP_RSA_gen(3072);
    ec_key = EVP_EC_gen("P-256");
    if (rsa_key == NULL || ec_key == NULL)
        die("key generation failed");
    rsa_cert = self_signed(rsa_key);
    ec_cert = self_signed(ec_key);

    printf("{\"hello\":\"cipherx-handshake\",\"version\":");
    json_string(OpenSSL_version(OPENSSL_VERSION));
    printf("}\n");
    fflush(stdout);

    unsigned long seq = 0;
    for (;;) {
        unsigned char hdr[4];
        size_t got = fread(hdr, 1, 4, stdin);
        if (got == 0)
            break;
        if (got != 4)
            die("truncated request");
        uint32_t len = rd_u32(hdr);
        if (len > (1u << 24))
            die("request too large");
        unsigned char *rec = malloc(len ? len : 1);
        if (rec == NULL)
            die("out of memory");
        if (fread(rec, 1, len, stdin) != len)
            die("truncated request");
        answer(seq++, rec, len);
        free(rec);
        fflush(stdout);
    }
    return 0;
}
