# shellcheck shell=bash
# MinIO, built from source with Go (its community edition ships only as source), serving $STACK_DIR/minio/data on
# 127.0.0.1 with the service's buckets and a single-key KMS. Sourced by bin/stack.

# Pinned version: MinIO's RELEASE tags are not Go module versions, so a commit's pseudo-version is pinned
# (docker/minio/Dockerfile pins the same one; ComposeFileTest checks that they agree).
MINIO_MODULE=github.com/minio/minio
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c

MINIO_DEFAULT_PORT=59000
MINIO_ACCESS_KEY=ats-minio
MINIO_SECRET_KEY=ats-minio-secret
BUCKET=ats
TEST_BUCKET=ats-test

MINIO_BIN=$CACHE_DIR/minio-$MINIO_VERSION/minio
MINIO_DIR=$STACK_DIR/minio
MINIO_PIDFILE=$MINIO_DIR/minio.pid
MINIO_LOG=$MINIO_DIR/minio.log

install_minio() {
  [[ -x "$MINIO_BIN" ]] && return 0
  need_go
  say "MinIO: building $MINIO_MODULE@$MINIO_VERSION from source (first time only, a few minutes)"
  local build_dir=$CACHE_DIR/minio-$MINIO_VERSION log
  mkdir -p "$build_dir"
  log=$build_dir/build.log
  (GOBIN=$build_dir GOTOOLCHAIN=${GOTOOLCHAIN:-auto} go install "$MINIO_MODULE@$MINIO_VERSION" >"$log" 2>&1) &
  local builder=$! start=$SECONDS
  while kill -0 "$builder" 2>/dev/null; do
    sleep 15
    kill -0 "$builder" 2>/dev/null && info "still building MinIO ($((SECONDS - start))s; log: $log)"
  done
  wait "$builder" || { tail -n 20 "$log" >&2; die "building MinIO failed (log: $log)" "check that the Go module proxy is reachable ('go env GOPROXY') and retry"; }
  info "MinIO built in $((SECONDS - start))s: $MINIO_BIN"
}

minio_ready() { curl -fsS -o /dev/null "http://127.0.0.1:$MINIO_PORT/minio/health/ready"; }

# Buckets are created with a signed S3 request (curl's SigV4), so no MinIO client binary is needed.
ensure_bucket() {
  local bucket=$1 url="http://127.0.0.1:$MINIO_PORT/$1" code
  code=$(curl -s -o /dev/null -w '%{http_code}' -I --user "$MINIO_ACCESS_KEY:$MINIO_SECRET_KEY" --aws-sigv4 "aws:amz:us-east-1:s3" "$url")
  if [[ "$code" == 404 ]]; then
    info "creating bucket $bucket"
    curl -fsS -o /dev/null -X PUT --user "$MINIO_ACCESS_KEY:$MINIO_SECRET_KEY" --aws-sigv4 "aws:amz:us-east-1:s3" "$url" \
      || die "could not create bucket $bucket" "see $MINIO_LOG"
  elif [[ "$code" != 200 ]]; then
    die "checking bucket $bucket answered HTTP $code" "see $MINIO_LOG"
  fi
}

# Starts MinIO unless it runs, waits for it, then creates the buckets that are missing.
start_minio() {
  MINIO_PORT=$(choose_port MINIO_PORT "${ATS_MINIO_PORT:-}" "$MINIO_DEFAULT_PORT" "$MINIO_PIDFILE")
  mkdir -p "$MINIO_DIR/data"
  if pid_alive "$MINIO_PIDFILE"; then
    say "MinIO: already running on 127.0.0.1:$MINIO_PORT"
  else
    port_in_use "$MINIO_PORT" && die "port $MINIO_PORT is taken by another process" "set ATS_MINIO_PORT to a free port"
    local console_port
    console_port=$(free_port)
    say "MinIO: starting on 127.0.0.1:$MINIO_PORT"
    # A single-key KMS, so buckets can be encrypted at rest (SSE-S3); the key stays with the data it encrypts.
    [[ -s "$MINIO_DIR/kms-key" ]] || (umask 077 && echo "ats-stack:$(head -c 32 /dev/urandom | base64)" >"$MINIO_DIR/kms-key")
    MINIO_KMS_SECRET_KEY=$(cat "$MINIO_DIR/kms-key") \
      MINIO_ROOT_USER=$MINIO_ACCESS_KEY MINIO_ROOT_PASSWORD=$MINIO_SECRET_KEY MINIO_BROWSER=off \
      MINIO_UPDATE=off MINIO_CALLHOME_ENABLE=off \
      nohup "$MINIO_BIN" server --quiet --address "127.0.0.1:$MINIO_PORT" --console-address "127.0.0.1:$console_port" \
      "$MINIO_DIR/data" >"$MINIO_LOG" 2>&1 &
    echo $! >"$MINIO_PIDFILE"
  fi
  save_port MINIO_PORT "$MINIO_PORT"
  wait_for "MinIO" "$TIMEOUT" "$MINIO_LOG" "$MINIO_PIDFILE" minio_ready
  ensure_bucket "$BUCKET"
  ensure_bucket "$TEST_BUCKET"
}

stop_minio() { stop_pidfile MinIO "$MINIO_PIDFILE"; }

status_minio() { print_status minio "$MINIO_PIDFILE" "$MINIO_PORT"; }
