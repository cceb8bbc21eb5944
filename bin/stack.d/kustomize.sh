# shellcheck shell=bash
# Kustomize, the tool that renders k8s/ for the manifest tests (built with go install, like MinIO); no server.
# Sourced by bin/stack, which exports its path as ATS_KUSTOMIZE.

KUSTOMIZE_MODULE=sigs.k8s.io/kustomize/kustomize/v5
KUSTOMIZE_VERSION=v5.7.1
KUSTOMIZE_BIN=$CACHE_DIR/kustomize-$KUSTOMIZE_VERSION/kustomize

install_kustomize() {
  [[ -x "$KUSTOMIZE_BIN" ]] && return 0
  need_go
  say "Kustomize: building $KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION (first time only, under a minute)"
  local build_dir=${KUSTOMIZE_BIN%/*}
  mkdir -p "$build_dir"
  GOBIN=$build_dir GOTOOLCHAIN=${GOTOOLCHAIN:-auto} go install "$KUSTOMIZE_MODULE@$KUSTOMIZE_VERSION" >"$build_dir/build.log" 2>&1 \
    || { tail -n 20 "$build_dir/build.log" >&2; die "building Kustomize failed" "check that the Go module proxy is reachable and retry"; }
}
