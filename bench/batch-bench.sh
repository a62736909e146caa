#!/usr/bin/env bash
# Batch benchmark: a seeded synthetic survey, CSV -> JSON Lines end to end, on all cores and on one thread.
#
#   bench/batch-bench.sh                 # 1,000,000 rows (about 160 MB of CSV, 7 GB of JSON Lines written)
#   bench/batch-bench.sh --rows 200000   # quicker
#   JAVA_OPTS="-Xmx512m" bench/batch-bench.sh
#   bench/batch-bench.sh --population in.csv --format csv   # a given survey (e.g. ../shared/bench/population.py's), CSV out
#
# Prints, per run: rows, wall time of the whole process (JVM start and rule compilation included), the
# batch's own rate from its summary, and peak RSS; then the speed-up of all cores over one thread.
# The JVM runs with -Xmx256m -Xmn160m -XX:+UseParallelGC unless JAVA_OPTS says otherwise: without a cap the JVM sizes its heap
# from the machine's memory and RSS reflects that, not what the batch needs. Generated files go to bench/out/
# (git-ignored); the large JSON Lines outputs are deleted after each run unless --keep is given. Each run's
# whole-process rate is kept in bench/out/previous-*.txt (per input, format and thread count), and the next run
# on the same input prints its ratio to it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
rows=1000000
seed=42
invalid=0.01
keep=no
threads_all="$(nproc)"
population=
format=jsonl
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --invalid) invalid="$2"; shift 2 ;;
    --threads) threads_all="$2"; shift 2 ;;
    --keep) keep=yes; shift ;;
    --population) population="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    *) echo "usage: bench/batch-bench.sh [--rows N] [--seed S] [--invalid FRACTION] [--threads N] [--keep] [--population FILE.csv] [--format jsonl|csv]" >&2; exit 2 ;;
  esac
done
java_opts="${JAVA_OPTS:--Xmx256m -Xmn160m -XX:+UseParallelGC}"
out="$here/out"
mkdir -p "$out"
jar="${TWITCH_JAR:-$root/target/twitch.jar}"   # TWITCH_JAR: another build to compare with (not rebuilt)

if [ -z "${TWITCH_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/rules" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]; }; then
  echo "bench: building target/twitch.jar ..." >&2
  (cd "$root" && (mvn -q -B -o package -DskipTests || mvn -q -B package -DskipTests)) >&2
fi

case "$format" in jsonl|csv) ;; *) echo "bench: --format is jsonl or csv" >&2; exit 2 ;; esac
if [ -n "$population" ]; then
  survey="$(cd "$(dirname "$population")" && pwd)/$(basename "$population")"
  [ -f "$survey" ] || { echo "bench: no such file: $population" >&2; exit 2; }
else
  survey="$out/survey-$rows-$seed.csv"
fi
if [ -z "$population" ] && [ ! -f "$survey" ]; then
  echo "bench: generating $rows rows (seed $seed, ${invalid} invalid) ..." >&2
  java "$here/SurveyGenerator.java" --rows "$rows" --seed "$seed" --invalid "$invalid" > "$survey.tmp"
  mv "$survey.tmp" "$survey"
fi

# Busy CPU seconds of the whole machine so far (all processes), from /proc/stat.
machine_busy() {
  awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy / 100}' /proc/stat
}

# Runs one batch; prints "wall_seconds peak_rss_kb cpu_seconds_of_others" on stdout. Peak RSS from GNU time
# when present, else from /proc/PID/status (VmHWM, the high-water mark) polled until the process exits. The
# CPU other processes used meanwhile shows whether the machine was really free: on a shared 2-core machine a
# busy neighbour halves the all-cores figure.
measure() {
  local threads="$1" results="$2" summary="$3"
  local start end rss busy0 busy1 ours
  start=$(date +%s.%N)
  busy0=$(machine_busy)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$out/time.txt" java $java_opts -jar "$jar" batch "$survey" --output "$results" --format "$format" \
      --summary "$summary" --threads "$threads" --quiet || [ $? -eq 5 ]
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    ours=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$out/time.txt")
  else
    java $java_opts -jar "$jar" batch "$survey" --output "$results" --format "$format" --summary "$summary" \
      --threads "$threads" --quiet &
    local pid=$! hwm=0 v
    ours=0
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
      v=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$v" ] && ours=$v
      sleep 0.2
    done
    wait "$pid" || [ $? -eq 5 ]
    rss=$hwm
  fi
  busy1=$(machine_busy)
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') $rss $(awk -v a="$busy0" -v b="$busy1" -v o="$ours" 'BEGIN {x = b - a - o; print (x < 0 ? 0 : x)}')"
}

report() {
  local label="$1" threads="$2"
  local results="$out/results-$threads.$format" summary="$out/summary-$threads.json"
  read -r wall rss others < <(measure "$threads" "$results" "$summary")
  local read assessed rejected rate
  read=$(grep -o '"rowsRead" : [0-9]*' "$summary" | grep -o '[0-9]*$')
  assessed=$(grep -o '"assessed" : [0-9]*' "$summary" | grep -o '[0-9]*$')
  rejected=$(grep -o '"rejected" : [0-9]*' "$summary" | grep -o '[0-9]*$')
  rate=$(grep -o '"perSecond" : [0-9.]*' "$summary" | grep -o '[0-9.]*$')
  printf '%-12s threads=%-2s rows=%s assessed=%s rejected=%s  process %.1f s = %.0f rows/s  batch %.0f rows/s  peak RSS %d MB  (other processes used %.1f CPU-s meanwhile)\n' \
    "$label" "$threads" "$read" "$assessed" "$rejected" "$wall" "$(awk -v a="$read" -v b="$wall" 'BEGIN {print a / b}')" "$rate" \
    "$((rss / 1024))" "$others"
  if [ "$keep" = no ]; then rm -f "$results" "$out/results-$threads.jsonl.errors.jsonl"; fi
  echo "$rate" > "$out/rate-$threads.txt"
  # The previous run's whole-process figure on the same input, format and thread count, for the ratio.
  local whole previous
  whole=$(awk -v a="$read" -v b="$wall" 'BEGIN {print a / b}')
  previous="$out/previous-$(basename "$survey" .csv)-$format-$threads.txt"
  if [ -f "$previous" ]; then
    printf '             ratio to the previous run (%s): %.2fx\n' "$(cut -d' ' -f2- "$previous")" \
      "$(awk -v a="$whole" -v b="$(cut -d' ' -f1 "$previous")" 'BEGIN {print a / b}')"
  fi
  echo "$whole $(printf '%.0f' "$whole")/s on $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1 /proc/loadavg)" > "$previous"
}

echo "bench: $(nproc) cores, JAVA_OPTS=$java_opts, $(java -version 2>&1 | head -1)"
echo "bench: input $survey, output $format"
echo "bench: load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
report "all cores" "$threads_all"
report "one thread" 1
r_all=$(cat "$out/rate-$threads_all.txt")
r_one=$(cat "$out/rate-1.txt")
printf 'speed-up of %s threads over 1: %.2fx (batch rates %.0f / %.0f rows/s)\n' "$threads_all" \
  "$(awk -v a="$r_all" -v b="$r_one" 'BEGIN {print a / b}')" "$r_all" "$r_one"
