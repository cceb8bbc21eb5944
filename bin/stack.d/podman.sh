# shellcheck shell=bash
# Podman, to build docker/Dockerfile and run the image and the pod spec for real (Debian's podman, with runc: crun 1.8
# refuses this machine's hybrid cgroup layout), and stand-ins for the Temurin base images the Dockerfile names, since
# no image registry can be reached here. No server. Sourced by bin/stack, which exports ATS_PODMAN and
# CONTAINERS_CONF (the settings every podman command needs here).
#
# The stand-ins, honestly: a Debian root file system made by debootstrap from Debian's packages, plus this machine's
# Temurin JDK of exactly the release the FROM lines name (the jre tag: the same JDK's runtime made by jlink without
# the development tools). Same Temurin release as the real images; Debian instead of Ubuntu underneath. They are
# tagged with the names of the FROM lines, so the Dockerfile is built unchanged. Users build on the real base.

BASE_SUITE=bookworm
BASE_DIR=$CACHE_DIR/base-image
BASE_ROOTFS=$BASE_DIR/debian-$BASE_SUITE-minbase.tar
BASE_DEBIAN_IMAGE=localhost/ats-stand-in/debian:$BASE_SUITE
PODMAN_CONF=$STACK_DIR/containers.conf
# A real compose implementation (PyPI, pinned, a venv of its own) that reads docker/compose.yaml for the tests; the
# images the compose file names cannot be pulled here, so it is checked with 'config', not run.
PODMAN_COMPOSE_VERSION=1.6.0
PODMAN_COMPOSE_VENV=$CACHE_DIR/podman-compose-$PODMAN_COMPOSE_VERSION
PODMAN_COMPOSE_BIN=$PODMAN_COMPOSE_VENV/bin/podman-compose
# The modules of a JDK that only developers use; the jre stand-in leaves them out (jlink adds back any a kept one needs).
JRE_LEFT_OUT="jdk.compiler jdk.editpad jdk.hotspot.agent jdk.internal.ed jdk.internal.le jdk.internal.md jdk.internal.opt \
jdk.jartool jdk.javadoc jdk.jcmd jdk.jconsole jdk.jdeps jdk.jdi jdk.jdwp.agent jdk.jlink jdk.jpackage jdk.jshell jdk.jstatd"

install_podman() {
  if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
      die "Podman, runc and debootstrap are needed to build and run the image and were not found" \
        "install Debian's podman, runc and debootstrap (apt-get install podman runc debootstrap) and retry"
    fi
    say "Podman not found, installing Debian's podman, runc and debootstrap (a minute)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >&2 \
      || die "apt-get install podman runc debootstrap failed" "run it by hand and read its error"
  fi
  write_podman_conf
  build_base_images
  install_podman_compose
}

install_podman_compose() {
  pip_install_cached podman-compose podman-compose "$PODMAN_COMPOSE_VERSION" "$PODMAN_COMPOSE_VENV" "$PODMAN_COMPOSE_BIN"
}

# Podman's defaults do not run here: crun fails on the cgroup layout, the default ulimits lie above the machine's
# hard limits (refused), and there is no bridge network. One file says so for every podman command (CONTAINERS_CONF).
# The process limit is also kept at or under kernel.pid_max: runc's setrlimit above it is refused here ("error
# setting rlimit type 6: operation not permitted"), though the shell's hard limit is higher.
write_podman_conf() {
  local nofile nproc pid_max
  nofile=$(ulimit -Hn)
  nproc=$(ulimit -Hu)
  pid_max=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 32768)
  [[ $nproc == unlimited ]] || ((nproc > pid_max)) && nproc=$pid_max
  [[ $nofile == unlimited ]] && nofile=1048576
  mkdir -p "$STACK_DIR"
  cat >"$PODMAN_CONF" <<CONF
# Written by bin/stack: the settings podman needs on this machine.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
netns = "host"

[engine]
runtime = "runc"
CONF
}

podman_here() { CONTAINERS_CONF=$PODMAN_CONF podman "$@"; }

# The Temurin release and the image names the Dockerfile's FROM lines use, e.g. eclipse-temurin:25.0.3_9-jdk-noble.
dockerfile_bases() { sed -n 's/^FROM \(eclipse-temurin:[^ ]*\).*/\1/p' "$ROOT_DIR/docker/Dockerfile" | sort -u; }

build_base_images() {
  local wanted missing=() java_home release
  for wanted in $(dockerfile_bases); do
    podman_here image exists "docker.io/library/$wanted" || missing+=("$wanted")
  done
  ((${#missing[@]} == 0)) && return 0

  java_home=$(JAVA_HOME='' "$ROOT_DIR/bin/java-home")
  release=$(sed -n 's/^JAVA_RUNTIME_VERSION="\([0-9.]*\)+\([0-9]*\).*/\1_\2/p' "$java_home/release")
  make_base_rootfs
  podman_here image exists "$BASE_DEBIAN_IMAGE" || podman_here import -q "$BASE_ROOTFS" "$BASE_DEBIAN_IMAGE" >/dev/null
  for wanted in "${missing[@]}"; do
    local tag=${wanted#eclipse-temurin:} flavour
    [[ $tag == "$release"-* ]] \
      || die "docker/Dockerfile names Temurin ${tag%%-*}, this machine has Temurin $release ($java_home)" \
        "install that Temurin release, or change the FROM lines to $release"
    flavour=$(cut -d- -f2 <<<"$tag")
    say "Base image stand-in $wanted: Debian $BASE_SUITE + this machine's Temurin $release ($flavour)"
    build_base_image "$wanted" "$flavour" "$java_home"
  done
}

make_base_rootfs() {
  [[ -s "$BASE_ROOTFS" ]] && return 0
  say "Debian $BASE_SUITE root file system for the base-image stand-ins: debootstrap (first time only, a few minutes)"
  local tmp=$BASE_DIR/rootfs.tmp mirror
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
  mkdir -p "$BASE_DIR"
  rm -rf "$tmp"
  debootstrap --variant=minbase "$BASE_SUITE" "$tmp" "${mirror:-http://deb.debian.org/debian}" >"$BASE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$BASE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $BASE_DIR/debootstrap.log)" "check that Debian's packages are reachable"; }
  rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/*
  tar -C "$tmp" --numeric-owner -cf "$BASE_ROOTFS.part" . && mv "$BASE_ROOTFS.part" "$BASE_ROOTFS"
  rm -rf "$tmp"
}

build_base_image() {
  local name=$1 flavour=$2 java_home=$3 context
  context=$(mktemp -d)
  if [[ $flavour == jre ]]; then
    local modules
    modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -vxF -f <(tr ' ' '\n' <<<"$JRE_LEFT_OUT") | paste -sd, -)
    "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
      --generate-cds-archive --output "$context/openjdk" >&2
  else
    cp -a "$java_home" "$context/openjdk"
  fi
  # Temurin's cacerts is a link into the system's store here: the stand-in carries the certificates themselves.
  cp --remove-destination /etc/ssl/certs/java/cacerts "$context/openjdk/lib/security/cacerts"
  cat >"$context/Containerfile" <<FILE
FROM $BASE_DEBIAN_IMAGE
COPY openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 LC_ALL=C.UTF-8
LABEL org.opencontainers.image.description="Stand-in for $name made by bin/stack: Debian $BASE_SUITE, not Ubuntu"
FILE
  podman_here build -q --pull=never -t "docker.io/library/$name" "$context" >/dev/null \
    || { rm -rf "$context"; die "building the base-image stand-in $name failed" "run bin/stack up again and read podman's error"; }
  rm -rf "$context"
}

status_podman() {
  local wanted state=ready
  for wanted in $(dockerfile_bases); do
    podman_here image exists "docker.io/library/$wanted" 2>/dev/null || state="missing $wanted"
  done
  printf '%-10s %s\n' podman "$(podman --version 2>/dev/null || echo 'not installed'); base images: $state"
}

podman_env() {
  cat <<ENV
export ATS_PODMAN=$(command -v podman || echo podman)
export CONTAINERS_CONF=$PODMAN_CONF
export ATS_PODMAN_COMPOSE=$PODMAN_COMPOSE_BIN
ENV
}
