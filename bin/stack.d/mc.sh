# shellcheck shell=bash
# The MinIO client (mc), built with go install like MinIO; no server. The tests use its admin commands to make a
# store user that may not delete some objects, so the purge's handling of a refused delete runs against real MinIO.
# Sourced by bin/stack, which exports its path as ATS_MC.

MC_MODULE=github.com/minio/mc
# Like MinIO, mc's RELEASE tags are not Go module versions: a commit's pseudo-version is pinned.
MC_VERSION=v0.0.0-20250313080218-cf909e1063a9
MC_BIN=$CACHE_DIR/mc-$MC_VERSION/mc

install_mc() {
  go_install_cached mc "$MC_MODULE" "$MC_VERSION" "$MC_BIN" "a few minutes"
}
