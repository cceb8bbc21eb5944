# shellcheck shell=bash
# ClamAV's daemon (clamd) from Debian's packages (installed when missing, as root), on loopback over TCP. The real
# signature databases cannot be downloaded here (freshclam's mirrors are not reachable), so the stack loads one
# built for the purpose: the EICAR test file's signature, made with sigtool. Production fetches the real databases
# with freshclam (docs/OPERATIONS.md). Sourced by bin/stack.

CLAMD_BIN=/usr/sbin/clamd
CLAMD_DEFAULT_PORT=53310
CLAMD_DIR=$STACK_DIR/clamav
CLAMD_PIDFILE=$CLAMD_DIR/clamd.pid
CLAMD_LOG=$CLAMD_DIR/clamd.log
# The EICAR anti-virus test file (eicar.org): harmless, and detected by every scanner as if it were malware.
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

install_clamav() {
  if [[ ! -x "$CLAMD_BIN" ]] || ! command -v sigtool >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
      die "ClamAV's clamd and sigtool are needed to scan uploads and were not found" \
        "install Debian's clamav-daemon and clamav (apt-get install clamav-daemon clamav) and retry"
    fi
    say "ClamAV not found, installing Debian's clamav-daemon and clamav (a minute)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clamav-daemon clamav >&2 \
      || die "apt-get install clamav-daemon clamav failed" "run it by hand and read its error"
  fi
}

# The test signature database: an MD5 signature (.hdb) of the EICAR file, named as the real databases name it.
write_clamav_database() {
  local db=$CLAMD_DIR/db
  mkdir -p "$db"
  printf '%s' "$EICAR" >"$CLAMD_DIR/eicar.com"
  (cd "$CLAMD_DIR" && sigtool --md5 eicar.com) | sed 's/:eicar\.com$/:Eicar-Test-Signature/' >"$db/ats-test.hdb"
  grep -q ':68:Eicar-Test-Signature$' "$db/ats-test.hdb" || die "sigtool did not write the EICAR signature" "run: sigtool --md5 $CLAMD_DIR/eicar.com"
  rm -f "$CLAMD_DIR/eicar.com"
}

clamd_ready() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$CLAMD_PORT" || return 1
  printf 'zPING\0' >&3
  IFS= read -r -d '' reply <&3 || true
  exec 3>&-
  [[ $reply == PONG ]]
}

start_clamav() {
  CLAMD_PORT=$(choose_port CLAMD_PORT "${ATS_CLAMD_PORT:-}" "$CLAMD_DEFAULT_PORT" "$CLAMD_PIDFILE")
  mkdir -p "$CLAMD_DIR"
  if pid_alive "$CLAMD_PIDFILE"; then
    say "clamd: already running on 127.0.0.1:$CLAMD_PORT"
  else
    port_in_use "$CLAMD_PORT" && die "port $CLAMD_PORT is taken by another process" "set ATS_CLAMD_PORT to a free port"
    write_clamav_database
    # Production's settings (k8s/base/clamd.conf), with the places of this stack (and as the user running it).
    {
      grep -Ev '^(TCPSocket|TCPAddr|DatabaseDirectory|LogFile|User) ' "$ROOT_DIR/k8s/base/clamd.conf"
      printf 'TCPSocket %s\nTCPAddr 127.0.0.1\nDatabaseDirectory %s\nLogFile %s\n' "$CLAMD_PORT" "$CLAMD_DIR/db" "$CLAMD_LOG"
    } >"$CLAMD_DIR/clamd.conf"
    say "clamd: starting on 127.0.0.1:$CLAMD_PORT (test signature database)"
    nohup "$CLAMD_BIN" -c "$CLAMD_DIR/clamd.conf" >>"$CLAMD_DIR/clamd.out" 2>&1 &
    echo $! >"$CLAMD_PIDFILE"
  fi
  save_port CLAMD_PORT "$CLAMD_PORT"
  wait_for "clamd" "$TIMEOUT" "$CLAMD_DIR/clamd.out" "$CLAMD_PIDFILE" clamd_ready
}

stop_clamav() { stop_pidfile clamd "$CLAMD_PIDFILE"; }

status_clamav() { print_status clamd "$CLAMD_PIDFILE" "$CLAMD_PORT"; }
