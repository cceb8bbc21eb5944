# shellcheck shell=bash
# Mailpit, a real SMTP server with a web view and an HTTP API (built with go install, cached like MinIO): the service
# sends its mails to it in development and tests; tests read what arrived through its API. Sourced by bin/stack.

MAILPIT_MODULE=github.com/axllent/mailpit
MAILPIT_VERSION=v1.33.1
MAILPIT_BIN=$CACHE_DIR/mailpit-$MAILPIT_VERSION/mailpit
MAILPIT_DEFAULT_SMTP_PORT=51025
MAILPIT_DEFAULT_HTTP_PORT=58025
MAILPIT_DIR=$STACK_DIR/mailpit
MAILPIT_PIDFILE=$MAILPIT_DIR/mailpit.pid
MAILPIT_LOG=$MAILPIT_DIR/mailpit.log

install_mailpit() {
  go_install_cached Mailpit "$MAILPIT_MODULE" "$MAILPIT_VERSION" "$MAILPIT_BIN" "a minute or two"
}

mailpit_ready() { curl -fsS -o /dev/null "http://127.0.0.1:$MAILPIT_HTTP_PORT/api/v1/info"; }

start_mailpit() {
  MAILPIT_SMTP_PORT=$(choose_port MAILPIT_SMTP_PORT "${ATS_MAILPIT_SMTP_PORT:-}" "$MAILPIT_DEFAULT_SMTP_PORT" "$MAILPIT_PIDFILE")
  MAILPIT_HTTP_PORT=$(choose_port MAILPIT_HTTP_PORT "${ATS_MAILPIT_HTTP_PORT:-}" "$MAILPIT_DEFAULT_HTTP_PORT" "$MAILPIT_PIDFILE")
  mkdir -p "$MAILPIT_DIR"
  if pid_alive "$MAILPIT_PIDFILE"; then
    say "Mailpit: already running, SMTP 127.0.0.1:$MAILPIT_SMTP_PORT, web http://127.0.0.1:$MAILPIT_HTTP_PORT"
  else
    port_in_use "$MAILPIT_SMTP_PORT" && die "port $MAILPIT_SMTP_PORT is taken by another process" "set ATS_MAILPIT_SMTP_PORT to a free port"
    port_in_use "$MAILPIT_HTTP_PORT" && die "port $MAILPIT_HTTP_PORT is taken by another process" "set ATS_MAILPIT_HTTP_PORT to a free port"
    say "Mailpit: starting, SMTP 127.0.0.1:$MAILPIT_SMTP_PORT, web http://127.0.0.1:$MAILPIT_HTTP_PORT"
    # In memory (no database file): the stack's mails are for looking at, not for keeping.
    nohup "$MAILPIT_BIN" --smtp "127.0.0.1:$MAILPIT_SMTP_PORT" --listen "127.0.0.1:$MAILPIT_HTTP_PORT" \
      --max 5000 --smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check \
      >"$MAILPIT_LOG" 2>&1 &
    echo $! >"$MAILPIT_PIDFILE"
  fi
  save_port MAILPIT_SMTP_PORT "$MAILPIT_SMTP_PORT"
  save_port MAILPIT_HTTP_PORT "$MAILPIT_HTTP_PORT"
  wait_for "Mailpit" "$TIMEOUT" "$MAILPIT_LOG" "$MAILPIT_PIDFILE" mailpit_ready
}

stop_mailpit() { stop_pidfile Mailpit "$MAILPIT_PIDFILE"; }

status_mailpit() { print_status mailpit "$MAILPIT_PIDFILE" "$MAILPIT_SMTP_PORT"; }
