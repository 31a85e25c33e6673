#!/usr/bin/env bash
# spark-home.sh — prints a Spark home to run Quire's cluster jar with (on stdout, one line).
#
# Usage: scripts/spark-home.sh [DIR]        (DIR default: job/target/spark-home)
#
# - SPARK_HOME set to a real Spark 4 (Scala 2.13) installation: prints it and changes nothing.
# - Otherwise assembles one in DIR from the jars the Maven build already downloaded
#   (job/target/lib, written by 'mvn package'), so no Spark download is needed:
#     DIR/jars/   Spark and its dependencies only. job/target/lib also holds Quire's own runtime
#                 jars (PDFBox, ONNX Runtime, picocli, ...); those are left out, so that the
#                 cluster jar alone must provide them. scripts/SparkJars.java tells them apart
#                 by content: shaded into the cluster jar and not referred to by Spark's side
#                 (JTS is both: Parquet uses it too, so it stays).
#     DIR/RELEASE the marker Spark's launcher checks to use DIR/jars (the Worker builds every
#                 executor's class path that way).
#     DIR/conf/log4j2.properties  warnings, plus the standalone deploy messages (master URL,
#                 worker registration) that scripts/local-cluster.sh reads.
#   DIR is rebuilt only when the build (or this script) is newer than it. Jars are hard-linked where possible.
# Environment: SPARK_HOME, JAVA_HOME.
set -euo pipefail

case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
esac

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
die() { echo "spark-home: $*" >&2; exit 1; }

if [[ -n "${SPARK_HOME:-}" ]]; then
  if compgen -G "$SPARK_HOME/jars/spark-core_2.13-4.*.jar" >/dev/null; then
    echo "$SPARK_HOME"
    exit 0
  fi
  echo "spark-home: ignoring SPARK_HOME=$SPARK_HOME (no Spark 4 for Scala 2.13 in its jars/); assembling one from the build" >&2
fi

dir="${1:-$root/job/target/spark-home}"
lib="$root/job/target/lib"
cluster_jar="$root/job/target/quire-cluster.jar"
[[ -d "$lib" && -f "$cluster_jar" ]] \
  || die "no build found ($lib, $cluster_jar); run 'mvn -o -q package -DskipTests' first"
compgen -G "$lib/spark-core_2.13-*.jar" >/dev/null || die "no spark-core jar in $lib"
mkdir -p "$(dirname "$dir")"
dir="$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")"

# Up to date: the marker is newer than every jar of the build and than these scripts.
if [[ -f "$dir/RELEASE" && -z "$(find "$lib" "$cluster_jar" "$0" "$root/scripts/SparkJars.java" \
        -newer "$dir/RELEASE" -print -quit)" ]]; then
  echo "$dir"
  exit 0
fi

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tmp="$dir.tmp.$$"
rm -rf "$tmp"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/jars" "$tmp/conf"

listing="$("$java_bin" "$root/scripts/SparkJars.java" "$cluster_jar" "$lib")" \
  || die "could not read the jars in $lib"
n=0
while read -r owner name note; do
  [[ "$owner" == spark ]] || continue
  [[ -z "$note" ]] || echo "spark-home: keeping $name $note" >&2
  # a hard link costs nothing and survives 'mvn clean'; copy across file systems
  ln "$lib/$name" "$tmp/jars/$name" 2>/dev/null || cp "$lib/$name" "$tmp/jars/$name"
  n=$((n + 1))
done <<<"$listing"
(( n > 0 )) || die "no Spark jars found in $lib"

version="$(basename "$(compgen -G "$lib/spark-core_2.13-*.jar" | head -1)" .jar)"
version="${version#spark-core_2.13-}"
cat >"$tmp/RELEASE" <<EOF
Spark $version (Scala 2.13) assembled from Maven jars by Quire's scripts/spark-home.sh; $n jars.
EOF

cp "$root/conf/log4j2-spark-deploy.properties" "$tmp/conf/log4j2.properties"

rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT
echo "spark-home: assembled Spark $version in $dir ($n jars; Quire's own jars left to the cluster jar)" >&2
echo "$dir"
