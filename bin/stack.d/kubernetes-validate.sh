# shellcheck shell=bash
# kubernetes-validate (PyPI), which checks the rendered manifests against the Kubernetes JSON schemas it ships, so
# it needs no network; installed into a venv of its own in the cache; no server. Sourced by bin/stack, which
# exports its path as ATS_KUBERNETES_VALIDATE.

KUBERNETES_VALIDATE_VERSION=1.37.0
KUBERNETES_VALIDATE_VENV=$CACHE_DIR/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION
KUBERNETES_VALIDATE_BIN=$KUBERNETES_VALIDATE_VENV/bin/kubernetes-validate

install_kubernetes_validate() {
  "$KUBERNETES_VALIDATE_BIN" --version >/dev/null 2>&1 && return 0
  say "kubernetes-validate: installing $KUBERNETES_VALIDATE_VERSION from PyPI into $KUBERNETES_VALIDATE_VENV (first time only)"
  local log=$CACHE_DIR/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION.log
  mkdir -p "$CACHE_DIR"
  rm -rf "$KUBERNETES_VALIDATE_VENV"
  { python3 -m venv "$KUBERNETES_VALIDATE_VENV" \
    && "$KUBERNETES_VALIDATE_VENV/bin/pip" install -q "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" \
    && "$KUBERNETES_VALIDATE_BIN" --version; } >"$log" 2>&1 \
    || {
      tail -n 20 "$log" >&2
      rm -rf "$KUBERNETES_VALIDATE_VENV"
      die "installing kubernetes-validate failed (log: $log)" "check that PyPI is reachable and that python3 has venv (apt-get install python3-venv), and retry"
    }
}
