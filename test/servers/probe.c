/*
 * The live server test's client: handshakes with a server on 127.0.0.1 through this machine's
 * libssl, as `openssl s_client` would make them, without starting a process per handshake.
 *
 *   probe PORT [smtp]
 *
 * Reads one request a line on standard input, "1 SUITES" (TLS 1.3 only, SUITES the TLS 1.3
 * list) or "0 SUITES" (TLS 1.0 to 1.2, SUITES the cipher list, at security level 0 so that the
 * client itself drops nothing), and answers one line each: the suite the server chose, "-" when
 * the handshake failed, or "! reason" when no TLS handshake could be tried (no connection, the
 * SMTP dialogue before STARTTLS failed). With "smtp", the client reads the greeting, says EHLO
 * and STARTTLS first (RFC 3207). Every read and write times out after 10 seconds.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int port;
static int smtp;
static char last_reply[1024];

static int connect_loopback(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct timeval tv = {10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Reads an SMTP reply (its last line is "CODE " + text); 1 when its code is `code`. */
static int smtp_reply(int fd, const char *code) {
  char line[1024];
  size_t n = 0;
  snprintf(last_reply, sizeof last_reply, "(no reply)");
  for (;;) {
    char c;
    if (recv(fd, &c, 1, 0) != 1) return 0;
    if (n + 1 < sizeof line) line[n++] = c;
    if (c != '\n') continue;
    line[n] = 0;
    snprintf(last_reply, sizeof last_reply, "%s", line);
    last_reply[strcspn(last_reply, "\r\n")] = 0;
    if (n >= 4 && line[3] == ' ') return strncmp(line, code, 3) == 0;
    if (n < 4 || line[3] != '-') return 0;
    n = 0;
  }
}

static int smtp_say(int fd, const char *text) {
  size_t len = strlen(text);
  return send(fd, text, len, 0) == (ssize_t)len;
}

static void answer(int tls13, const char *suites) {
  int fd = connect_loopback();
  if (fd < 0) {
    printf("! cannot connect to 127.0.0.1:%d\n", port);
    return;
  }
  if (smtp && !(smtp_reply(fd, "220") && smtp_say(fd, "EHLO probe.localhost\r\n") && smtp_reply(fd, "250") &&
                smtp_say(fd, "STARTTLS\r\n") && smtp_reply(fd, "220"))) {
    close(fd);
    printf("! the SMTP dialogue before STARTTLS failed: %s\n", last_reply);
    return;
  }
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  int configured;
  if (tls13) {
    configured = SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) && SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) &&
                 SSL_CTX_set_ciphersuites(ctx, suites);
  } else {
    char list[8192];
    snprintf(list, sizeof list, "%s:@SECLEVEL=0", suites);
    configured = SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) && SSL_CTX_set_cipher_list(ctx, list);
  }
  if (!configured) {
    SSL_CTX_free(ctx);
    close(fd);
    printf("! the client refuses the list %s\n", suites);
    ERR_clear_error();
    return;
  }
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_tlsext_host_name(ssl, "localhost");
  if (SSL_connect(ssl) == 1) {
    printf("%s\n", SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
    SSL_shutdown(ssl);
  } else {
    printf("-\n");
  }
  ERR_clear_error();
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  close(fd);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: probe PORT [smtp]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  port = atoi(argv[1]);
  smtp = argc > 2 && strcmp(argv[2], "smtp") == 0;
  char line[8192];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = 0;
    if (strlen(line) < 3 || (line[0] != '0' && line[0] != '1') || line[1] != ' ') {
      printf("! bad request\n");
    } else {
      answer(line[0] == '1', line + 2);
    }
    fflush(stdout);
  }
  return 0;
}
