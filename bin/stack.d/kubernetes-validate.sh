# shellcheck shell=bash
# kubernetes-validate (PyPI), which checks the rendered manifests against the Kubernetes JSON schemas it ships, so
# it needs no network; installed into a venv of its own in the cache; no server. Sourced by bin/stack, which
# exports its path as ATS_KUBERNETES_VALIDATE.

KUBERNETES_VALIDATE_VERSION=1.37.0
KUBERNETES_VALIDATE_VENV=$CACHE_DIR/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION
KUBERNETES_VALIDATE_BIN=$KUBERNETES_VALIDATE_VENV/bin/kubernetes-validate

install_kubernetes_validate() {
  pip_install_cached kubernetes-validate kubernetes-validate "$KUBERNETES_VALIDATE_VERSION" \
    "$KUBERNETES_VALIDATE_VENV" "$KUBERNETES_VALIDATE_BIN"
}
