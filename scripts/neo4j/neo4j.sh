#!/usr/bin/env bash
# hotline's local Neo4j: Neo4j Community 5.26 LTS provisioned from Maven Central and run
# through a small embedded launcher (the tarball distribution is not on Maven Central).
#
#   bash scripts/neo4j/neo4j.sh provision|start|stop|status|restart|logs|import DIR|wipe
#
# Environment (all optional):
#   NEO4J_URI           when set, hotline uses that server and this script starts nothing
#   NEO4J_PASSWORD      password of user neo4j (default: hotline-dev-password)
#   NEO4J_BOLT_PORT     Bolt port on 127.0.0.1 (default: 7687)
#   NEO4J_HOME_DIR      data/conf/logs folder (default: .neo4j/home-5.26 in the repo)
#   NEO4J_VERSION       exact 5.26 patch from Maven Central (default below)
#   NEO4J_JAVA          java binary, 17 or 21 (default: JDK 17 if found, else `java`)
#   NEO4J_HEAP          max heap (default: 1g)
#   NEO4J_PAGECACHE     page cache size (default: 512m)
set -euo pipefail

VERSION="${NEO4J_VERSION:-5.26.19}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="$ROOT/.neo4j"
DIST="$BASE/dist-$VERSION"
HOME_DIR="${NEO4J_HOME_DIR:-$BASE/home-5.26}"
PID_FILE="$HOME_DIR/neo4j.pid"
LOG="$HOME_DIR/neo4j.out"
PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-hotline-dev-password}"

pick_java() {
  if [ -n "${NEO4J_JAVA:-}" ]; then echo "$NEO4J_JAVA"; return; fi
  for j in /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-17-openjdk/bin/java /usr/lib/jvm/java-21-openjdk-amd64/bin/java; do
    [ -x "$j" ] && { echo "$j"; return; }
  done
  echo java
}
JAVA="$(pick_java)"

say() { echo "neo4j: $*"; }
die() { echo "neo4j: $*" >&2; exit 1; }

remote_guard() {
  if [ -n "${NEO4J_URI:-}" ]; then
    say "NEO4J_URI is set ($NEO4J_URI): using that server, nothing to $1 locally"
    exit 0
  fi
}

provision() {
  [ -f "$DIST/.complete" ] && return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed to provision Neo4j from Maven Central; install it or set NEO4J_URI"
  "$JAVA" -version >/dev/null 2>&1 || die "no Java found (need JDK 17 or 21); install one, set NEO4J_JAVA, or set NEO4J_URI"
  say "provisioning Neo4j $VERSION from Maven Central (first time only, ~150 MB)"
  local jhome; jhome="$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")"
  JAVA_HOME="$jhome" mvn -q -B -f "$ROOT/scripts/neo4j/pom.xml" -Dneo4j.version="$VERSION" package \
    || die "Maven could not build the launcher; see the output above"
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp"
  cp -r "$ROOT/scripts/neo4j/target/lib" "$DIST.tmp/lib"
  cp "$ROOT/scripts/neo4j/target/neo4j-launcher-1.jar" "$DIST.tmp/launcher.jar"
  touch "$DIST.tmp/.complete"
  rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"
  say "provisioned into $DIST"
}

write_conf() {
  mkdir -p "$HOME_DIR/conf" "$HOME_DIR/plugins" "$HOME_DIR/logs" "$HOME_DIR/data"
  cat > "$HOME_DIR/conf/neo4j.conf" <<CONF
# Written by scripts/neo4j/neo4j.sh on every start; edit the script, not this file.
server.default_listen_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$PORT
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.data=data
server.directories.plugins=plugins
server.directories.logs=logs
server.memory.pagecache.size=${NEO4J_PAGECACHE:-512m}
dbms.memory.transaction.total.max=1g
db.transaction.timeout=120s
db.tx_log.rotation.retention_policy=100M size
dbms.usage_report.enabled=false
dbms.security.allow_csv_import_from_file_urls=false
CONF
}

alive() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  remote_guard start
  if alive; then say "already running (pid $(cat "$PID_FILE")) on bolt://127.0.0.1:$PORT"; return 0; fi
  port_busy && die "port $PORT is taken by another process; set NEO4J_BOLT_PORT or stop that process"
  provision
  write_conf
  : > "$LOG"
  local started; started=$(date +%s)
  setsid nohup "$JAVA" "-Xms256m" "-Xmx${NEO4J_HEAP:-1g}" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    -XX:+ExitOnOutOfMemoryError -Djdk.nio.maxCachedBufferSize=1024 \
    -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    -cp "$DIST/lib/*:$DIST/launcher.jar" hotline.neo4j.Neo4jLauncher "$HOME_DIR" \
    >>"$LOG" 2>&1 </dev/null &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 180); do
    if grep -q '^NEO4J_READY' "$LOG" && port_busy; then
      say "up on bolt://127.0.0.1:$PORT in $(( $(date +%s) - started ))s (pid $(cat "$PID_FILE"), log $LOG)"
      return 0
    fi
    if ! alive; then rm -f "$PID_FILE"; tail -20 "$LOG" >&2; die "the server exited during start; see $LOG and $HOME_DIR/logs/debug.log"; fi
    sleep 1
  done
  die "no answer on port $PORT after 180s; see $LOG"
}

stop() {
  remote_guard stop
  if ! alive; then rm -f "$PID_FILE"; say "not running"; return 0; fi
  local pid; pid="$(cat "$PID_FILE")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null; then rm -f "$PID_FILE"; say "stopped (pid $pid)"; return 0; fi
    sleep 1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  say "did not stop in 60s; killed pid $pid (recovery runs on the next start)"
}

# Imports a `hotline export --format csv` directory with neo4j-admin (offline: the server
# must be stopped). Replaces the database's contents; the command comes from the export's
# README.txt, so the files and flags always match what the exporter wrote.
import_csv() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -f "$dir/README.txt" ] || die "usage: pnpm neo4j import DIR (a 'hotline export --format csv --out DIR' folder)"
  alive && die "stop the server first (pnpm neo4j stop): neo4j-admin imports offline"
  provision
  write_conf
  local line
  line="$(grep -m1 '^  neo4j-admin database import full' "$dir/README.txt" | sed "s/^  neo4j-admin //; s/'//g")"
  [ -n "$line" ] || die "$dir/README.txt has no neo4j-admin command"
  local -a args
  read -ra args <<<"$line"
  (cd "$dir" && NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" "$JAVA" -Xmx1g \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$DIST/lib/*" org.neo4j.cli.AdminTool "${args[@]}") \
    || die "neo4j-admin import failed; see the output above"
  say "imported $dir into $HOME_DIR; start the server with 'pnpm neo4j start'"
}

status() {
  if [ -n "${NEO4J_URI:-}" ]; then say "using remote server $NEO4J_URI"; return 0; fi
  if alive; then say "running (pid $(cat "$PID_FILE")) on bolt://127.0.0.1:$PORT"; else say "stopped"; return 3; fi
}

case "${1:-}" in
  provision) provision ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  logs) tail -n "${2:-50}" "$LOG" ;;
  import) import_csv "${2:-}" ;;
  wipe) alive && die "stop the server before wiping its data"; rm -rf "$HOME_DIR"; say "removed $HOME_DIR" ;;
  *) echo "usage: pnpm neo4j provision|start|stop|restart|status|logs|import DIR|wipe" >&2; exit 2 ;;
esac
