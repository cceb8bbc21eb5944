# shellcheck shell=bash
# Keycloak, the official distribution from Maven Central unpacked into the cache, in dev mode on 127.0.0.1 with an
# in-memory database that imports docker/keycloak/ats-realm.json at every start. Sourced by bin/stack.

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_DEFAULT_PORT=58180
REALM=ats

KEYCLOAK_HOME=$CACHE_DIR/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_DIR=$STACK_DIR/keycloak
KEYCLOAK_PIDFILE=$KEYCLOAK_DIR/keycloak.pid
KEYCLOAK_LOG=$KEYCLOAK_DIR/keycloak.log
KC_JAVA_HOME=

# The JDK that downloads (with the Maven wrapper) and runs Keycloak: 21 or newer, found once.
keycloak_java_home() {
  [[ -n "$KC_JAVA_HOME" ]] && return 0
  KC_JAVA_HOME=$("$ROOT_DIR/bin/java-home") || die "Keycloak needs Java 21+" "install a JDK 21 or newer"
}

install_keycloak() {
  keycloak_java_home
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return 0
  local zip=$CACHE_DIR/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  if [[ ! -f "$zip" ]]; then
    say "Keycloak: downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION from Maven Central"
    mkdir -p "$CACHE_DIR/downloads"
    JAVA_HOME=$KC_JAVA_HOME "$ROOT_DIR/mvnw" -B -q -N -f "$ROOT_DIR/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$CACHE_DIR/downloads" >&2 \
      || die "downloading Keycloak failed" "check that Maven Central is reachable ('./mvnw -v') and retry"
  fi
  info "unpacking Keycloak into $CACHE_DIR"
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/keycloak-unpack.XXXXXX")
  unzip -q "$zip" -d "$tmp" || die "unzip of $zip failed" "delete the file and retry"
  rm -rf "$KEYCLOAK_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$tmp"
}

keycloak_ready() {
  curl -fsS -o /dev/null "http://127.0.0.1:$KEYCLOAK_PORT/realms/$REALM/.well-known/openid-configuration"
}

# Starts Keycloak unless it runs and waits until the realm answers.
start_keycloak() {
  keycloak_java_home
  KEYCLOAK_PORT=$(choose_port KEYCLOAK_PORT "${ATS_KEYCLOAK_PORT:-}" "$KEYCLOAK_DEFAULT_PORT" "$KEYCLOAK_PIDFILE")
  mkdir -p "$KEYCLOAK_DIR"
  if pid_alive "$KEYCLOAK_PIDFILE"; then
    say "Keycloak: already running on 127.0.0.1:$KEYCLOAK_PORT"
  else
    port_in_use "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process" "set ATS_KEYCLOAK_PORT to a free port"
    say "Keycloak $KEYCLOAK_VERSION: starting in dev mode on 127.0.0.1:$KEYCLOAK_PORT with realm '$REALM'"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$ROOT_DIR/docker/keycloak/ats-realm.json" "$KEYCLOAK_HOME/data/import/ats-realm.json"
    # dev-mem: a fresh in-memory database each start, so the realm file is always the one imported.
    JAVA_HOME=$KC_JAVA_HOME JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
      KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      nohup "$KEYCLOAK_HOME/bin/kc.sh" start-dev --db=dev-mem --import-realm \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$(free_port)" \
      >"$KEYCLOAK_LOG" 2>&1 &
    echo $! >"$KEYCLOAK_PIDFILE"
  fi
  save_port KEYCLOAK_PORT "$KEYCLOAK_PORT"
  wait_for "Keycloak" "$TIMEOUT" "$KEYCLOAK_LOG" "$KEYCLOAK_PIDFILE" keycloak_ready
}

stop_keycloak() { stop_pidfile Keycloak "$KEYCLOAK_PIDFILE"; }

status_keycloak() { print_status keycloak "$KEYCLOAK_PIDFILE" "$KEYCLOAK_PORT"; }
