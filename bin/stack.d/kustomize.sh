# shellcheck shell=bash
# Kustomize, the tool that renders k8s/ for the manifest tests (built with go install, like MinIO); no server.
# Sourced by bin/stack, which exports its path as ATS_KUSTOMIZE.

KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_VERSION=v5.7.1
KUSTOMIZE_BIN=$CACHE_DIR/kustomize-$KUSTOMIZE_VERSION/kustomize

install_kustomize() {
  go_install_cached Kustomize "$KUSTOMIZE_MODULE" "$KUSTOMIZE_VERSION" "$KUSTOMIZE_BIN" "under a minute"
}
