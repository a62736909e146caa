#!/usr/bin/env bash
# Server load benchmark: twitch serve on a free loopback port, then bench/ServerLoad.java with 16 clients POSTing
# the example questionnaires to /api/assess (10 s warm-up, 20 s measured, at most 400,000 requests).
#
#   bench/server-bench.sh                # 16 clients
#   bench/server-bench.sh --clients 32
#   TWITCH_JAR=/elsewhere/twitch.jar bench/server-bench.sh   # another build
#
# Prints requests/s and p50/p99/max latency. The server runs with -Xmx512m -XX:+UseParallelGC unless JAVA_OPTS says
# otherwise; the load generator shares the machine, so the figures are for server and client together.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
clients=16
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients="$2"; shift 2 ;;
    *) echo "usage: bench/server-bench.sh [--clients N]" >&2; exit 2 ;;
  esac
done
cd "$root"
jar="${TWITCH_JAR:-target/twitch.jar}"   # TWITCH_JAR: another build to compare with, taken turn about
[ -f "$jar" ] || mvn -B -q -ntp package -DskipTests
log="$(mktemp)"
java ${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$jar" serve --port 0 > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 120); do
  url="$(grep -o 'http://[^ ]*/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  sleep 1
done
[ -n "$url" ] || { cat "$log" >&2; echo "server-bench: the server did not start" >&2; exit 1; }
echo "server at $url ($(nproc) cores)"
java bench/ServerLoad.java "$url" "$clients" 10 20 400000
