#!/usr/bin/env bash
# Runs 2 command nodes and 2 query nodes of the same jar on one PostgreSQL, drives load through all of them,
# SIGKILLs mid-way the query node that holds the most event-processor segments, then checks that every read
# model holds exactly what the event store implies.
# Prints PASS or FAIL and stops every process it started. Loopback only; bounded in time.
#
#   scripts/multi-node.sh            # reuses agreements-app/target/agreements-app-*.jar, builds it if missing
#   scripts/multi-node.sh --build    # rebuilds the jar first (./mvnw -o -DskipTests package)
#
# Settings (environment): AGREEMENTS (default 60) agreements, WORKERS (default 6) client threads,
# KEEP_WORK=1 keeps the work directory (node logs, PostgreSQL data) for inspection.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
START_TIMEOUT=${START_TIMEOUT:-240}   # seconds for all four nodes to become ready
AGREEMENTS=${AGREEMENTS:-60}
WORKERS=${WORKERS:-6}
WORK="$(mktemp -d /tmp/agreements-multi-node.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
PG_BIN=""
PG_AS=()
PGDATA="$WORK/pgdata"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

cleanup() {
  local status=$?
  set +e
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null
  done
  if [[ -n "$PG_BIN" && -f "$PGDATA/postmaster.pid" ]]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1
  fi
  if [[ "${KEEP_WORK:-0}" == 1 ]]; then
    log "work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# --- the jar -------------------------------------------------------------------------------------------------
JAR="$(ls "$ROOT"/agreements-app/target/agreements-app-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ "${1:-}" == "--build" || -z "$JAR" ]]; then
  log "building the jar"
  (cd "$ROOT" && ./mvnw -B -o -q -DskipTests package -pl agreements-app -am)
  JAR="$(ls "$ROOT"/agreements-app/target/agreements-app-*.jar | grep -v original | head -1)"
fi
log "jar: $JAR"

# --- one PostgreSQL 15 -----------------------------------------------------------------------------------------
if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
  PG_BIN=/usr/lib/postgresql/15/bin
  if [[ $(id -u) == 0 ]]; then
    # the system initdb refuses to run as root
    PG_AS=(runuser -u postgres --)
    mkdir -p "$PGDATA" && chown postgres "$PGDATA"
  fi
else
  PG_BIN="$(ls -d /tmp/embedded-pg/*/bin 2>/dev/null | head -1 || true)"   # zonky's binaries run as root
  [[ -n "$PG_BIN" ]] || { echo "FAIL: no PostgreSQL 15 binaries found"; exit 1; }
fi
PG_PORT=$(free_port)
log "PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
"${PG_AS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >"$WORK/initdb.log" 2>&1
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA -c max_connections=200" \
  start >/dev/null
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

# --- four nodes of the same jar --------------------------------------------------------------------------------
SECRET="multi-node-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
MASTER_KEY="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
declare -A PORT PID
start_node() {   # name roles
  local name=$1 roles=$2 port
  port=$(free_port)
  SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres \
  AGREEMENTS_SECURITY_JWT_HMAC_SECRET="$SECRET" AGREEMENTS_CRYPTO_MASTER_KEY="$MASTER_KEY" \
  SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 AGREEMENTS_ROLES=$roles \
    java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  disown $!
  PID[$name]=$!
  PORT[$name]=$port
  PIDS+=("$!")
  log "started $name (roles=$roles) pid ${PID[$name]} on 127.0.0.1:$port"
}
SECONDS=0
start_node command-1 command
start_node command-2 command
start_node query-1 query
start_node query-2 query

for name in command-1 command-2 query-1 query-2; do
  until curl -fs "http://127.0.0.1:${PORT[$name]}/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      echo "FAIL: $name exited during start-up; its log:"; tail -40 "$WORK/$name.log"; exit 1
    fi
    if (( SECONDS > START_TIMEOUT )); then
      echo "FAIL: $name not ready after ${START_TIMEOUT}s; its log:"; tail -40 "$WORK/$name.log"; exit 1
    fi
    sleep 1
  done
  log "$name ready"
done

# --- load, a query node killed mid-way, and the final check ----------------------------------------------------
set +e
timeout 300 python3 "$ROOT/scripts/multi_node_load.py" \
  --secret "$SECRET" --agreements "$AGREEMENTS" --workers "$WORKERS" \
  --command "http://127.0.0.1:${PORT[command-1]}" --command "http://127.0.0.1:${PORT[command-2]}" \
  --query "http://127.0.0.1:${PORT[query-1]}" --query "http://127.0.0.1:${PORT[query-2]}" \
  --query-pid "${PID[query-1]}" --query-pid "${PID[query-2]}" \
  --psql "psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres"
result=$?
set -e
for name in command-1 command-2 query-1 query-2; do
  errors=$(grep -c ' ERROR ' "$WORK/$name.log" || true)
  log "$name log: $errors ERROR lines"
done
if (( result == 124 )); then echo "FAIL: the load and check took longer than 300 s"; fi
exit $result
