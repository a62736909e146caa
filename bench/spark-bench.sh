#!/usr/bin/env bash
# The Spark job in local mode against `twitch batch`, on the same seeded survey, CSV in, full explanations out;
# then a check that both give every respondent the same result.
#
#   bench/spark-bench.sh                   # 200,000 rows from ../shared/bench/population.py, every 100th bad
#   bench/spark-bench.sh --rows 50000
#   bench/spark-bench.sh --master local[4] --explain none
#
# Prints for each: wall time of the whole process (JVM start, rule compilation and for Spark its start-up
# included), rows per second, and the CPU seconds other processes used meanwhile (on a shared machine a busy
# neighbour distorts both figures). Files go to bench/out/spark/ (git-ignored) and are deleted unless --keep.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
rows=200000
bad_every=100
master="local[$(nproc)]"
explain=full
keep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    --explain) explain="$2"; shift 2 ;;
    --keep) keep=yes; shift ;;
    *) echo "usage: bench/spark-bench.sh [--rows N] [--master local[N]] [--explain full|none] [--keep]" >&2; exit 2 ;;
  esac
done
population="${POPULATION:-$root/../shared/bench/population.py}"
out="$here/out/spark"
mkdir -p "$out"

echo "bench: building the library and the Spark job ..." >&2
(cd "$root" && (mvn -q -B -o install -DskipTests || mvn -q -B install -DskipTests)) >&2
(cd "$root" && (mvn -q -B -o -f spark/pom.xml package -DskipTests || mvn -q -B -f spark/pom.xml package -DskipTests)) >&2
# Spark's own jars, as a Spark installation has them: the classpath of spark-sql alone, at the module's version.
spark_version="$(sed -n 's#.*<spark.version>\(.*\)</spark.version>.*#\1#p' "$root/spark/pom.xml")"
mkdir -p "$out/spark-only"
cat > "$out/spark-only/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>spark-only</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId>
    <version>$spark_version</version></dependency></dependencies></project>
POM
(cd "$out/spark-only" && mvn -q -B -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$out/spark.cp") >&2
spark_cp="$(cat "$out/spark.cp")"
cp="$root/spark/target/twitch-spark.jar:$spark_cp"
# The options spark-submit passes on Java 17, kept in one place: the module's pom.
opens="$(sed -n '/<spark.jvm.opens>/,/<\/spark.jvm.opens>/p' "$root/spark/pom.xml" | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')"

survey="$out/population-$rows.csv"
if [ ! -f "$survey" ]; then
  echo "bench: generating $rows rows (every ${bad_every}th bad) ..." >&2
  python3 "$population" "$rows" "$survey.tmp" "$bad_every"
  mv "$survey.tmp" "$survey"
fi

machine_busy() {
  awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy / 100}' /proc/stat
}

# Runs a command; prints "wall_seconds own_cpu_seconds cpu_seconds_of_others".
measure() {
  local start end busy0 busy1 t0 t1 me=$BASHPID
  start=$(date +%s.%N); busy0=$(machine_busy)
  t0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
  "$@" > "$out/last.log" 2>&1 || [ $? -eq 5 ]
  end=$(date +%s.%N); busy1=$(machine_busy)
  t1=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
  awk -v s="$start" -v e="$end" -v b0="$busy0" -v b1="$busy1" -v c0="$t0" -v c1="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { own = (c1 - c0) / hz; printf "%.1f %.1f %.1f\n", e - s, own, (b1 - b0) - own }'
}

echo "bench: $rows rows, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
read -r bw bc bo < <(measure java -Xmx256m -XX:+UseParallelGC -jar "$root/target/twitch.jar" batch "$survey" \
  --output "$out/batch.jsonl" --errors "$out/batch.errors.jsonl" --quiet)
printf "twitch batch (%s threads)    %6.1f s  %8.0f rows/s  %6.1f CPU-s  others used %6.1f CPU-s\n" \
  "$(nproc)" "$bw" "$(awk -v r="$rows" -v w="$bw" 'BEGIN{print r/w}')" "$bc" "$bo"
rm -rf "$out/spark-out"
read -r sw sc so < <(measure java $opens -Xmx2g -Dspark.master="$master" -Dspark.ui.enabled=false -cp "$cp" \
  org.twitchadvisor.spark.SparkBatch "$survey" "$out/spark-out" --explain "$explain")
grep "twitch-spark\|results + errors" "$out/last.log" | sed 's/^/  /'
printf "spark job (%s)         %6.1f s  %8.0f rows/s  %6.1f CPU-s  others used %6.1f CPU-s\n" \
  "$master" "$sw" "$(awk -v r="$rows" -v w="$sw" 'BEGIN{print r/w}')" "$sc" "$so"
printf "sizes: batch JSON Lines %s, Spark Parquet results %s\n" "$(du -sh "$out/batch.jsonl" | cut -f1)" \
  "$(du -sh "$out/spark-out/results" | cut -f1)"
if [ "$explain" = full ]; then
  java $opens -Xmx2g -cp "$cp" "$here/SparkCompare.java" "$out/batch.jsonl" "$out/batch.errors.jsonl" "$out/spark-out" 2>/dev/null
fi
if [ "$keep" = no ]; then
  rm -rf "$out/batch.jsonl" "$out/spark-out"
fi
