# shellcheck shell=bash
# SeaweedFS, a second S3 server (issue 21), started beside MinIO when ATS_STACK_STORE=seaweedfs; `bin/stack env`
# then points the service at it. `weed mini` runs master, volume server, filer and S3 gateway in one process on
# loopback, with the stack's credentials and buckets. Sourced by bin/stack.
#
# Built from the module's source: `go install github.com/seaweedfs/seaweedfs/weed@<version>` is refused, because
# the module's go.mod has a replace directive ("The go.mod file for the module providing named packages contains
# one or more replace directives"), so the pinned module is downloaded and built as the main module instead.

SEAWEEDFS_MODULE=github.com/seaweedfs/seaweedfs
SEAWEEDFS_VERSION=v0.0.0-20261109003541-7506e5f91cd6
SEAWEEDFS_BIN=$CACHE_DIR/seaweedfs-$SEAWEEDFS_VERSION/weed
SEAWEEDFS_DEFAULT_PORT=58333
SEAWEEDFS_DIR=$STACK_DIR/seaweedfs
SEAWEEDFS_PIDFILE=$SEAWEEDFS_DIR/weed.pid
SEAWEEDFS_LOG=$SEAWEEDFS_DIR/weed.log

seaweedfs_wanted() { [[ ${ATS_STACK_STORE:-minio} == seaweedfs ]]; }

install_seaweedfs() {
  seaweedfs_wanted || return 0
  [[ -x "$SEAWEEDFS_BIN" ]] && return 0
  need_go
  say "SeaweedFS: building $SEAWEEDFS_MODULE@$SEAWEEDFS_VERSION from source (first time only, about ten minutes)"
  local build_dir=${SEAWEEDFS_BIN%/*} source
  mkdir -p "$build_dir"
  source=$(GOTOOLCHAIN=${GOTOOLCHAIN:-auto} go mod download -json "$SEAWEEDFS_MODULE@$SEAWEEDFS_VERSION" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["Dir"])') \
    || die "downloading $SEAWEEDFS_MODULE@$SEAWEEDFS_VERSION failed" "check that the Go module proxy is reachable"
  rm -rf "$build_dir/src"
  cp -r "$source" "$build_dir/src" && chmod -R u+w "$build_dir/src"
  (cd "$build_dir/src" && GOTOOLCHAIN=${GOTOOLCHAIN:-auto} go build -o "$SEAWEEDFS_BIN" ./weed >"$build_dir/build.log" 2>&1) \
    || { tail -n 20 "$build_dir/build.log" >&2; die "building SeaweedFS failed (log: $build_dir/build.log)" "retry; the Go module proxy must be reachable"; }
  rm -rf "$build_dir/src"
}

seaweedfs_ready() {
  curl -s -o /dev/null -w '%{http_code}' --user "$MINIO_ACCESS_KEY:$MINIO_SECRET_KEY" --aws-sigv4 "aws:amz:us-east-1:s3" \
    "http://127.0.0.1:$SEAWEEDFS_PORT/$TEST_BUCKET" -I | grep -q '^200$'
}

# The master keeps its state in a folder named after its port, so the internal ports are chosen once and kept: on a
# new port a restarted master forgets its volumes and freezes their growth ("topology id ... the master state was
# rebuilt"), and every write to a new bucket fails. The gRPC ports are given too: their default (port + 10000) can
# pass 65535 for a free port.
seaweedfs_internal_ports() {
  local file=$SEAWEEDFS_DIR/internal-ports flag port ports=""
  if [[ ! -s $file ]]; then
    for flag in master.port master.port.grpc volume.port volume.port.grpc filer.port filer.port.grpc s3.port.grpc; do
      port=$(free_port)
      [[ $port =~ ^[0-9]+$ ]] || die "no free port for SeaweedFS's $flag" "retry"
      ports+="-$flag=$port "
    done
    printf '%s\n' "$ports" >"$file.tmp" && mv "$file.tmp" "$file"
  fi
  for port in $(grep -o '=[0-9]*' "$file" | tr -d =); do
    port_in_use "$port" && die "port $port, kept for SeaweedFS in $file, is taken by another process" \
      "stop that process, or 'bin/stack down' and delete $SEAWEEDFS_DIR (its data is test data)"
  done
  cat "$file"
}

start_seaweedfs() {
  seaweedfs_wanted || return 0
  SEAWEEDFS_PORT=$(choose_port SEAWEEDFS_PORT "${ATS_SEAWEEDFS_PORT:-}" "$SEAWEEDFS_DEFAULT_PORT" "$SEAWEEDFS_PIDFILE")
  mkdir -p "$SEAWEEDFS_DIR/data"
  if pid_alive "$SEAWEEDFS_PIDFILE"; then
    say "SeaweedFS: already running, S3 on 127.0.0.1:$SEAWEEDFS_PORT"
  else
    port_in_use "$SEAWEEDFS_PORT" && die "port $SEAWEEDFS_PORT is taken by another process" "set ATS_SEAWEEDFS_PORT to a free port"
    local internal_ports
    internal_ports=$(seaweedfs_internal_ports)
    say "SeaweedFS: starting, S3 on 127.0.0.1:$SEAWEEDFS_PORT (buckets $BUCKET, $TEST_BUCKET)"
    # The same credentials as the stack's MinIO, so only the endpoint changes; the other components on free ports.
    # It writes some state into its working directory: run it in its own.
    AWS_ACCESS_KEY_ID=$MINIO_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$MINIO_SECRET_KEY \
      nohup bash -c 'cd "$1" && shift && exec "$@"' _ "$SEAWEEDFS_DIR" \
      "$SEAWEEDFS_BIN" mini -dir="$SEAWEEDFS_DIR/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -admin.ui=false \
      -s3.port="$SEAWEEDFS_PORT" $internal_ports \
      -bucket="$BUCKET,$TEST_BUCKET" >"$SEAWEEDFS_LOG" 2>&1 &
    echo $! >"$SEAWEEDFS_PIDFILE"
  fi
  save_port SEAWEEDFS_PORT "$SEAWEEDFS_PORT"
  wait_for "SeaweedFS" "$TIMEOUT" "$SEAWEEDFS_LOG" "$SEAWEEDFS_PIDFILE" seaweedfs_ready
}

stop_seaweedfs() { stop_pidfile SeaweedFS "$SEAWEEDFS_PIDFILE"; }

status_seaweedfs() { seaweedfs_wanted && print_status seaweedfs "$SEAWEEDFS_PIDFILE" "$SEAWEEDFS_PORT" || true; }
