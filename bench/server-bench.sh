#!/usr/bin/env bash
# Server load benchmark: twitch serve on a free loopback port, then bench/ServerLoad.java with 16 clients POSTing
# the example questionnaires to /api/assess (30 s warm-up, 20 s measured, at most 400,000 requests).
#
#   bench/server-bench.sh                # 16 clients, socket client
#   bench/server-bench.sh --clients 32
#   bench/server-bench.sh --warmup 10    # a shorter warm-up: the JIT compiler is then still at work
#   bench/server-bench.sh --client jdk   # the JDK's HttpClient as the load generator (costs the server CPU)
#   TWITCH_JAR=/elsewhere/twitch.jar bench/server-bench.sh   # another build
#
# Prints requests/s and p50/p99/max latency, then the CPU seconds server and load generator each used. The server
# runs with -Xmx512m -XX:+UseParallelGC unless JAVA_OPTS says otherwise; the load generator shares the machine, so the
# figures are for server and client together.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
clients=16
warmup=30
client=socket
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --client) client="$2"; shift 2 ;;
    *) echo "usage: bench/server-bench.sh [--clients N] [--warmup SECONDS] [--client socket|jdk]" >&2; exit 2 ;;
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
echo "server at $url ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
server_before=$(cpu "$server")
java bench/ServerLoad.java "$url" "$clients" "$warmup" 20 400000 "$client" &
load=$!
load_cpu=0
while kill -0 "$load" 2>/dev/null; do
  v=$(cpu "$load" 2>/dev/null || true)
  [ -n "$v" ] && load_cpu=$v
  sleep 0.5
done
status=0
wait "$load" || status=$?
echo "CPU seconds over warm-up and measurement: server $(awk -v a="$server_before" -v b="$(cpu "$server")" 'BEGIN {print b - a}'), load generator $load_cpu (compiling itself included)"
exit "$status"
