#!/usr/bin/env bash
# What each output costs per row: explanation level, compression and the population report, on one survey.
#
#   bench/explain-levels.sh                       # 200,000 rows of ../shared/bench/population.py (1 bad row in 100)
#   bench/explain-levels.sh --rows 20000
#
# One batch per variant, all cores, the same JVM options as bench/batch-bench.sh. Prints per variant: bytes
# written, bytes per assessed row, the batch's own rate (its summary) and the whole process's wall time, then
# checks that the gzip and zstd results decompress to exactly the plain full results. Files go to bench/out/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
rows=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    *) echo "usage: bench/explain-levels.sh [--rows N]" >&2; exit 2 ;;
  esac
done
java_opts="${JAVA_OPTS:--Xmx256m -Xmn160m -XX:+UseParallelGC}"
out="$here/out"
mkdir -p "$out"
jar="$root/target/twitch.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/rules" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
  echo "bench: building target/twitch.jar ..." >&2
  (cd "$root" && (mvn -q -B -o package -DskipTests || mvn -q -B package -DskipTests)) >&2
fi
survey="$out/pop-$rows.csv"
[ -f "$survey" ] || python3 "$root/../shared/bench/population.py" "$rows" "$survey" 100
[ -f "$survey" ] || { echo "bench: cannot generate $survey (is ../shared/bench/population.py there?)" >&2; exit 1; }

echo "bench: $(nproc) cores, JAVA_OPTS=$java_opts, load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: input $survey, $(stat -c %s "$survey") bytes"
printf '%-28s %14s %10s %12s %10s\n' "variant" "bytes" "bytes/row" "batch rows/s" "wall s"
run() {
  local label="$1" file="$2"; shift 2
  local start end
  start=$(date +%s.%N)
  java $java_opts -jar "$jar" batch "$survey" --output "$out/$file" --summary "$out/summary.json" --quiet "$@" \
    || [ $? -eq 5 ]
  end=$(date +%s.%N)
  local assessed rate bytes
  assessed=$(grep -o '"assessed" : [0-9]*' "$out/summary.json" | grep -o '[0-9]*$')
  rate=$(grep -o '"perSecond" : [0-9.]*' "$out/summary.json" | grep -o '[0-9.]*$')
  bytes=$(stat -c %s "$out/$file")
  printf '%-28s %14d %10.0f %12.0f %10.1f\n' "$label" "$bytes" "$(awk -v a="$bytes" -v b="$assessed" 'BEGIN {print a / b}')" \
    "$rate" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
}
run "jsonl --explain full"      levels-full.jsonl
run "jsonl --explain summary"   levels-summary.jsonl --explain summary
run "jsonl --explain none"      levels-none.jsonl --explain none
run "jsonl.gz --explain full"   levels-full.jsonl.gz
run "jsonl.zst --explain full"  levels-full.jsonl.zst
run "jsonl.gz --explain none"   levels-none.jsonl.gz --explain none
run "csv"                       levels.csv
run "jsonl none + --report"     levels-report.jsonl --explain none --report "$out/levels-report.html"
printf '%-28s %14d\n' "  (the report itself)" "$(stat -c %s "$out/levels-report.html")"
full=$(stat -c %s "$out/levels-full.jsonl")
none=$(stat -c %s "$out/levels-none.jsonl")
printf 'full / none: %.1fx fewer bytes at --explain none\n' "$(awk -v a="$full" -v b="$none" 'BEGIN {print a / b}')"
gzip -dc "$out/levels-full.jsonl.gz" | cmp - "$out/levels-full.jsonl" && echo "gzip results read back identical to the plain results"
if command -v zstd >/dev/null; then
  zstd -qdc "$out/levels-full.jsonl.zst" | cmp - "$out/levels-full.jsonl" && echo "zstd results read back identical to the plain results"
fi
rm -f "$out"/levels-*.jsonl* "$out/levels.csv"* "$out/summary.json"
