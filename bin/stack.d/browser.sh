# shellcheck shell=bash
# What the browser tests drive: Debian's Chromium and ChromeDriver (installed when missing, as root), and axe-core
# from the npm registry (pinned, cached), which the tests inject into each page. No server.
# Sourced by bin/stack, which exports ATS_CHROMIUM, ATS_CHROMEDRIVER and ATS_AXE_JS.

AXE_VERSION=4.11.0
AXE_DIR=$CACHE_DIR/axe-core-$AXE_VERSION
AXE_JS=$AXE_DIR/node_modules/axe-core/axe.min.js

install_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
      die "Chromium and ChromeDriver are needed for the browser tests and were not found" \
        "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) and retry"
    fi
    say "Chromium not found, installing Debian's chromium and chromium-driver (a minute or two)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 \
      || die "apt-get install chromium chromium-driver failed" "run it by hand and read its error"
  fi
  if [[ ! -f "$AXE_JS" ]]; then
    command -v npm >/dev/null || die "npm is needed to fetch axe-core for the browser tests" "install Node.js and npm"
    say "axe-core $AXE_VERSION not cached, fetching it from the npm registry"
    mkdir -p "$AXE_DIR"
    (cd "$AXE_DIR" && npm install --silent --no-audit --no-fund --prefix "$AXE_DIR" "axe-core@$AXE_VERSION" >&2) \
      || die "npm install axe-core@$AXE_VERSION failed" "check the npm registry is reachable"
  fi
}

browser_env() {
  cat <<ENV
export ATS_CHROMIUM=$(command -v chromium || echo /usr/bin/chromium)
export ATS_CHROMEDRIVER=$(command -v chromedriver || echo /usr/bin/chromedriver)
export ATS_AXE_JS=$AXE_JS
ENV
}
