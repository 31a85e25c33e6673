#!/usr/bin/env bash
# submit.sh — runs Quire's cluster jar with spark-submit and a settings preset.
#
# Usage: scripts/submit.sh [--preset local|cluster|FILE] [spark-submit options...] -- QUIRE_ARGS...
#
# Examples:
#   scripts/submit.sh --master spark://head:7077 -- run --input hdfs:///pdfs --output hdfs:///ocr
#   scripts/submit.sh --master yarn --num-executors 20 -- run --input s3a://corpus/ --output s3a://ocr/
#   scripts/submit.sh --preset local -- run --input samples --output /tmp/quire-out
#
# It runs
#   spark-submit --properties-file conf/spark-PRESET.conf --load-spark-defaults [options] \
#     --class dev.quire.cli.Quire job/target/quire-cluster.jar QUIRE_ARGS
# so your options and --conf win over the preset, and the preset over the cluster's
# spark-defaults.conf. Presets (conf/spark-*.conf, commented line by line): cluster (default),
# local. FILE: any properties file of your own.
# spark-submit is $SPARK_HOME/bin/spark-submit, else the one on PATH. Without a Spark
# installation it uses the Spark home that scripts/spark-home.sh assembles from the build's Maven
# jars, started as 'java <conf/java-opts> -cp ... org.apache.spark.deploy.SparkSubmit' (there the
# driver JVM is this java, so --driver-memory / spark.driver.memory become its -Xmx).
# Input and output paths must be reachable from every executor (HDFS, S3A, a shared mount).
# Builds job/target/quire-cluster.jar first if it is missing.
# Environment: SPARK_HOME, JAVA_HOME, QUIRE_CLUSTER_JAR (another cluster jar).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
die() { echo "submit: $*" >&2; exit 2; }

preset=cluster
submit_opts=()
quire_args=()
seen_separator=false
while (($#)); do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --preset) (($# >= 2)) || die "--preset needs a value (local, cluster or a file)"; preset="$2"; shift 2 ;;
    --preset=*) preset="${1#--preset=}"; shift ;;
    --) shift; quire_args=("$@"); seen_separator=true; break ;;
    *) submit_opts+=("$1"); shift ;;
  esac
done
$seen_separator || die "missing '--' between spark-submit options and the quire arguments (see --help)"
((${#quire_args[@]})) || die "no quire arguments after '--' (e.g. -- run --input PATH --output PATH)"

if [[ "$preset" == */* || "$preset" == *.conf ]]; then
  props="$preset"
else
  props="$root/conf/spark-$preset.conf"
fi
[[ -f "$props" ]] || die "no preset '$preset' ($props not found; presets: $(cd "$root/conf" && ls spark-*.conf | sed 's/^spark-//;s/\.conf$//' | paste -sd " " -))"
props="$(cd "$(dirname "$props")" && pwd)/$(basename "$props")"

jar="${QUIRE_CLUSTER_JAR:-$root/job/target/quire-cluster.jar}"
if [[ ! -f "$jar" && -z "${QUIRE_CLUSTER_JAR:-}" ]]; then
  echo "submit: no cluster jar yet; building once with 'mvn -q -B -DskipTests package'..." >&2
  (cd "$root" && mvn -q -B -DskipTests package) >&2 || { echo "submit: build failed" >&2; exit 1; }
fi
[[ -f "$jar" ]] || { echo "submit: cluster jar $jar not found" >&2; exit 1; }

args=(--properties-file "$props" --load-spark-defaults "${submit_opts[@]}"
      --class dev.quire.cli.Quire "$jar" "${quire_args[@]}")

# A real Spark installation: its spark-submit applies the preset's driver options itself.
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${args[@]}"
fi
if [[ -z "${SPARK_HOME:-}" ]] && command -v spark-submit >/dev/null 2>&1; then
  exec spark-submit "${args[@]}"
fi

# No spark-submit: run SparkSubmit in this JVM, as bin/spark-class would. In client mode (the
# default) this JVM is the driver, so it needs the JVM options Spark needs on Java 17 and the
# driver settings that spark-submit would have turned into JVM flags.
if [[ -z "${SPARK_HOME:-}" ]] || ! compgen -G "$SPARK_HOME/jars/spark-core_*.jar" >/dev/null; then
  SPARK_HOME="$("$root/scripts/spark-home.sh")" || exit 1
fi
export SPARK_HOME

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm=()
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] || jvm+=("$line")
done <"$root/conf/java-opts"

# Driver memory and options, in spark-submit's precedence: command line, then the preset.
memory="$(sed -n 's/^[[:space:]]*spark\.driver\.memory[[:space:]=:]\{1,\}\([^[:space:]]*\).*/\1/p' "$props" | tail -1)"
classpath="$SPARK_HOME/conf:$SPARK_HOME/jars/*"
prev=""
for opt in "${submit_opts[@]}"; do
  case "$prev" in
    --driver-memory) memory="$opt" ;;
    --conf) [[ "$opt" == spark.driver.memory=* ]] && memory="${opt#spark.driver.memory=}" ;;
  esac
  case "$opt" in
    --driver-memory=*) memory="${opt#--driver-memory=}" ;;
    --conf=spark.driver.memory=*) memory="${opt#--conf=spark.driver.memory=}" ;;
  esac
  case "$prev" in
    # shellcheck disable=SC2206  # word splitting of JVM options is what spark-submit does too
    --driver-java-options) jvm+=($opt) ;;
    --driver-class-path) classpath="$opt:$classpath" ;;
  esac
  prev="$opt"
done
[[ -n "$memory" ]] && jvm+=("-Xmx$memory")

exec "$java_bin" "${jvm[@]}" -cp "$classpath" org.apache.spark.deploy.SparkSubmit "${args[@]}"
