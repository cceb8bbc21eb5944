# shellcheck shell=bash
# What every part of bin/stack uses: messages, ports, pid files, waiting, Go. Sourced by bin/stack after it has set
# ROOT_DIR, STACK_DIR, CACHE_DIR and TIMEOUT.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
info() { printf '    %s\n' "$*" >&2; }
die() {
  printf '\033[31mstack: %s\033[0m\n' "$1" >&2
  [[ -n "${2:-}" ]] && printf '       what to do: %s\n' "$2" >&2
  exit 1
}

# ---------------------------------------------------------------- ports

PORTS_FILE=$STACK_DIR/ports.env

port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Chooses the port of one server: the configured one, else the default when free, else any free one.
# A port once chosen is kept in ports.env so 'env' and a later 'up' agree with the running server.
choose_port() {
  local name=$1 configured=$2 default=$3 pidfile=$4 current
  current=$(sed -n "s/^${name}=//p" "$PORTS_FILE" 2>/dev/null || true)
  if [[ -n "$configured" ]]; then
    echo "$configured"
  elif [[ -n "$current" ]] && { pid_alive "$pidfile" || ! port_in_use "$current"; }; then
    echo "$current"
  elif ! port_in_use "$default"; then
    echo "$default"
  else
    free_port
  fi
}

save_port() {
  local name=$1 value=$2
  touch "$PORTS_FILE"
  sed -i "/^${name}=/d" "$PORTS_FILE"
  echo "${name}=${value}" >>"$PORTS_FILE"
}

# The port of one server as 'status' and 'env' tell it: the configured one, else the one in ports.env, else the default.
saved_port() {
  local name=$1 configured=$2 default=$3 saved
  saved=$(sed -n "s/^${name}=//p" "$PORTS_FILE" 2>/dev/null || true)
  echo "${configured:-${saved:-$default}}"
}

# ---------------------------------------------------------------- processes

# True when the pid file names a live process (first line: PostgreSQL's postmaster.pid has more).
pid_alive() { [[ -f "$1" ]] && kill -0 "$(head -n 1 "$1")" 2>/dev/null; }

# One line of 'bin/stack status': name, running or stopped (by its pid file), address.
print_status() {
  local name=$1 pidfile=$2 port=$3 state
  state=$(pid_alive "$pidfile" && echo running || echo stopped)
  printf '%-10s %-8s 127.0.0.1:%s\n' "$name" "$state" "$port"
}

# Waits until a command succeeds, printing a heartbeat; fails with the log's tail after the timeout.
wait_for() {
  local what=$1 timeout=$2 log=$3 pidfile=$4
  shift 4
  local start=$SECONDS next_beat=$((SECONDS + 15))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pidfile" ]] && ! pid_alive "$pidfile"; then
      tail -n 30 "$log" >&2 || true
      die "$what exited while starting (log: $log)" "read the log above; 'bin/stack down && bin/stack up' retries from scratch"
    fi
    if ((SECONDS - start > timeout)); then
      tail -n 30 "$log" >&2 || true
      die "$what not ready after ${timeout}s (log: $log)" "read the log above; a slow machine may need ATS_STACK_TIMEOUT=600"
    fi
    if ((SECONDS >= next_beat)); then
      info "still waiting for $what ($((SECONDS - start))s)"
      next_beat=$((SECONDS + 15))
    fi
    sleep 1
  done
  info "$what ready after $((SECONDS - start))s"
}

# Stops the process a pid file names: TERM, up to 30 s, then KILL.
stop_pidfile() {
  local name=$1 pidfile=$2 pid
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  pid=$(head -n 1 "$pidfile")
  say "$name: stopping"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- Go (MinIO and Kustomize are built from source)

need_go() {
  command -v go >/dev/null && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    die "Go is needed to build MinIO and Kustomize from source and was not found" "install Go (apt-get install golang-go) and retry"
  fi
  say "Go not found, installing Debian's golang-go (a newer toolchain, when needed, comes from the Go module proxy)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >&2 || die "apt-get install golang-go failed" "install Go 1.24+ by hand"
}

# Builds a Go command once into the cache: go install of a pinned module version into the directory of BIN.
#   go_install_cached NAME MODULE VERSION BIN HOW_LONG
go_install_cached() {
  local name=$1 module=$2 version=$3 bin=$4 how_long=$5
  [[ -x "$bin" ]] && return 0
  need_go
  say "$name: building $module@$version (first time only, $how_long)"
  local build_dir=${bin%/*}
  mkdir -p "$build_dir"
  GOBIN=$build_dir GOTOOLCHAIN=${GOTOOLCHAIN:-auto} go install "$module@$version" >"$build_dir/build.log" 2>&1 \
    || { tail -n 20 "$build_dir/build.log" >&2; die "building $name failed" "check that the Go module proxy is reachable and retry"; }
}

# Installs a Python command once into a venv of its own in the cache: pip install of a pinned PyPI version.
#   pip_install_cached NAME PACKAGE VERSION VENV BIN
pip_install_cached() {
  local name=$1 package=$2 version=$3 venv=$4 bin=$5
  "$bin" --version >/dev/null 2>&1 && return 0
  say "$name: installing $version from PyPI into $venv (first time only)"
  local log=$venv.log
  mkdir -p "${venv%/*}"
  rm -rf "$venv"
  { python3 -m venv "$venv" && "$venv/bin/pip" install -q "$package==$version" && "$bin" --version; } >"$log" 2>&1 \
    || {
      tail -n 20 "$log" >&2
      rm -rf "$venv"
      die "installing $name failed (log: $log)" "check that PyPI is reachable and that python3 has venv (apt-get install python3-venv), and retry"
    }
}
