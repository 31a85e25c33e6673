#!/usr/bin/env bash
# submit.sh — runs Quire's cluster jar with spark-submit and a settings preset.
#
# Usage: scripts/submit.sh [--preset local|cluster|gpu|FILE] [--gpu] [--rapids [JAR]]
#                          [--native-dir DIR] [--dry-run] [spark-submit options...] -- QUIRE_ARGS...
#
# Examples:
#   scripts/submit.sh --master spark://head:7077 -- run --input hdfs:///pdfs --output hdfs:///ocr
#   scripts/submit.sh --master yarn --num-executors 20 -- run --input s3a://corpus/ --output s3a://ocr/
#   scripts/submit.sh --preset local -- run --input samples --output /tmp/quire-out
#   scripts/submit.sh --gpu --rapids --master yarn --num-executors 8 -- run --input s3a://c/ --output s3a://o/
#   scripts/submit.sh --gpu --master 'local[8]' -- run --input pdfs --output out --device cuda:0
#
# GPU options (README section "GPUs"; build the CUDA jar with 'mvn -Pgpu -DskipTests package'):
#   --gpu             the gpu preset (conf/spark-gpu.conf: one GPU per executor shared by four
#                     tasks) unless --preset names another, and --files scripts/getGpusResources.sh
#                     so that YARN executors find the discovery script in their working directory.
#   --rapids [JAR]    the RAPIDS Accelerator: the settings of conf/spark-rapids.conf (as --conf,
#                     so yours still win) and the plugin jar with --jars, which it needs (on a
#                     plain class path it fails with ClassNotFoundException ...AwsStoragePlugin).
#                     JAR: default $QUIRE_RAPIDS_JAR, else the one scripts/fetch-rapids.sh put in
#                     .rapids/. Implies the gpu preset unless --preset is given.
#   --native-dir DIR  executors (and the driver) load ONNX Runtime's natives from DIR
#                     (-Donnxruntime.native.path, added to the preset's or your
#                     spark.{executor,driver}.extraJavaOptions) instead of unpacking them from
#                     the jar at every start; fill DIR on every node with
#                     scripts/extract-ort-native.sh.
#   --dry-run         print the spark-submit arguments instead of running them.
#
# It runs
#   spark-submit --properties-file conf/spark-PRESET.conf --load-spark-defaults [options] \
#     --class dev.quire.cli.Quire job/target/quire-cluster.jar QUIRE_ARGS
# so your options and --conf win over the preset, and the preset over the cluster's
# spark-defaults.conf. Presets (conf/spark-*.conf, commented line by line): cluster (default),
# local, gpu. FILE: any properties file of your own.
# spark-submit is $SPARK_HOME/bin/spark-submit, else the one on PATH. Without a Spark
# installation it uses the Spark home that scripts/spark-home.sh assembles from the build's Maven
# jars, started as 'java <conf/java-opts> -cp ... org.apache.spark.deploy.SparkSubmit' (there the
# driver JVM is this java, so --driver-memory / spark.driver.memory become its -Xmx).
# Input and output paths must be reachable from every executor (HDFS, S3A, a shared mount).
# Builds job/target/quire-cluster.jar first if it is missing.
# Environment: SPARK_HOME, JAVA_HOME, QUIRE_CLUSTER_JAR (another cluster jar), QUIRE_RAPIDS_JAR.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
die() { echo "submit: $*" >&2; exit 2; }

preset=""
gpu=false
rapids=false
rapids_jar=""
native_dir=""
dry_run=false
submit_opts=()
quire_args=()
seen_separator=false
while (($#)); do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --preset) (($# >= 2)) || die "--preset needs a value (local, cluster, gpu or a file)"; preset="$2"; shift 2 ;;
    --preset=*) preset="${1#--preset=}"; shift ;;
    --gpu) gpu=true; shift ;;
    --rapids) rapids=true
      # the jar is optional: take the next word only if it names one
      if (($# >= 2)) && [[ "$2" == *.jar ]]; then rapids_jar="$2"; shift; fi
      shift ;;
    --rapids=*) rapids=true; rapids_jar="${1#--rapids=}"; shift ;;
    --native-dir) (($# >= 2)) || die "--native-dir needs a directory (see scripts/extract-ort-native.sh)"; native_dir="$2"; shift 2 ;;
    --native-dir=*) native_dir="${1#--native-dir=}"; shift ;;
    --dry-run) dry_run=true; shift ;;
    --) shift; quire_args=("$@"); seen_separator=true; break ;;
    *) submit_opts+=("$1"); shift ;;
  esac
done
$seen_separator || die "missing '--' between spark-submit options and the quire arguments (see --help)"
((${#quire_args[@]})) || die "no quire arguments after '--' (e.g. -- run --input PATH --output PATH)"

if [[ -z "$preset" ]]; then
  if $gpu || $rapids; then preset=gpu; else preset=cluster; fi
fi
if [[ "$preset" == */* || "$preset" == *.conf ]]; then
  props="$preset"
else
  props="$root/conf/spark-$preset.conf"
fi
[[ -f "$props" ]] || die "no preset '$preset' ($props not found; presets: $(cd "$root/conf" && ls spark-*.conf | sed 's/^spark-//;s/\.conf$//' | paste -sd " " -))"
props="$(cd "$(dirname "$props")" && pwd)/$(basename "$props")"

jar="${QUIRE_CLUSTER_JAR:-$root/job/target/quire-cluster.jar}"
if [[ ! -f "$jar" && -z "${QUIRE_CLUSTER_JAR:-}" ]] && ! $dry_run; then
  echo "submit: no cluster jar yet; building once with 'mvn -q -B -DskipTests package'..." >&2
  (cd "$root" && mvn -q -B -DskipTests package) >&2 || { echo "submit: build failed" >&2; exit 1; }
fi
[[ -f "$jar" ]] || $dry_run || { echo "submit: cluster jar $jar not found" >&2; exit 1; }

# prop KEY FILE: the value of KEY in a Java properties file (continuation lines joined), as
# spark-submit would read it; empty if absent.
prop() {
  awk -v key="$1" '
    {
      line = $0
      if (!cont) {
        if (line ~ /^[ \t]*([#!]|$)/) next
        buf = ""
      } else {
        sub(/^[ \t]+/, "", line)
      }
      if (line ~ /\\$/) { buf = buf substr(line, 1, length(line) - 1); cont = 1; next }
      buf = buf line; cont = 0
      sub(/^[ \t]+/, "", buf)
      if (match(buf, /[ \t=:]/)) {
        k = substr(buf, 1, RSTART - 1); v = substr(buf, RSTART)
        sub(/^[ \t]*[=:]?[ \t]*/, "", v)
      } else {
        k = buf; v = ""
      }
      if (k == key) { val = v; found = 1 }
    }
    END { if (found) print val }' "$2"
}

# take_opt NAME: removes every "NAME VALUE" / "NAME=VALUE" from submit_opts and leaves their
# values in the array taken_list and, comma-separated, in $taken (spark-submit keeps only the
# last --jars or --files, so ours are added to the user's). Not in $(...): that would change a
# copy of submit_opts.
take_opt() {
  local name="$1" kept=() values=() i=0 n=${#submit_opts[@]}
  while ((i < n)); do
    local o="${submit_opts[i]}"
    if [[ "$o" == "$name" ]] && ((i + 1 < n)); then
      values+=("${submit_opts[i + 1]}"); i=$((i + 2))
    elif [[ "$o" == "$name="* ]]; then
      values+=("${o#"$name="}"); i=$((i + 1))
    else
      kept+=("$o"); i=$((i + 1))
    fi
  done
  submit_opts=(${kept[@]+"${kept[@]}"})
  taken_list=(${values[@]+"${values[@]}"})
  taken="$(IFS=,; echo "${values[*]+"${values[*]}"}")"
}

# conf_value KEY: the last --conf KEY=VALUE the user gave, or nothing
conf_value() {
  local prev="" o v="" found=false
  for o in ${submit_opts[@]+"${submit_opts[@]}"}; do
    if [[ "$prev" == --conf && "$o" == "$1="* ]]; then v="${o#"$1="}"; found=true; fi
    if [[ "$o" == "--conf=$1="* ]]; then v="${o#"--conf=$1="}"; found=true; fi
    prev="$o"
  done
  $found && echo "$v"
  return 0
}

extra_front=()   # before the user's options: theirs win
extra_back=()    # after them: built from theirs, so nothing is lost
if $gpu; then
  # YARN localises --files into each container's working directory, where the gpu preset's
  # discovery script path (./getGpusResources.sh) looks for it
  take_opt --files
  extra_back+=(--files "${taken:+$taken,}$root/scripts/getGpusResources.sh")
fi
if $rapids; then
  if [[ -z "$rapids_jar" ]]; then
    rapids_jar="${QUIRE_RAPIDS_JAR:-}"
    if [[ -z "$rapids_jar" ]] && compgen -G "$root/.rapids/rapids-4-spark_2.13-*.jar" >/dev/null; then
      rapids_jar="$(ls -t "$root"/.rapids/rapids-4-spark_2.13-*.jar | head -1)"
    fi
    [[ -n "$rapids_jar" ]] || die "no RAPIDS jar: run scripts/fetch-rapids.sh, or give --rapids JAR or QUIRE_RAPIDS_JAR"
  fi
  [[ -f "$rapids_jar" ]] || die "RAPIDS jar '$rapids_jar' not found (scripts/fetch-rapids.sh fetches it)"
  while read -r key value; do
    [[ -z "$key" || "$key" == \#* ]] && continue
    extra_front+=(--conf "$key=$value")
  done <"$root/conf/spark-rapids.conf"
  # --jars, not a class path: the plugin loads its Spark-specific classes through Spark's
  # loader for --jars, and dies with ClassNotFoundException ...AwsStoragePlugin otherwise
  take_opt --jars
  extra_back+=(--jars "${taken:+$taken,}$rapids_jar")
fi
native_opt=""
if [[ -n "$native_dir" ]]; then
  if [[ -d "$native_dir" ]]; then
    native_dir="$(cd "$native_dir" && pwd)"
    compgen -G "$native_dir/libonnxruntime.*" >/dev/null \
      || die "'$native_dir' holds no ONNX Runtime natives (fill it with scripts/extract-ort-native.sh JAR DIR)"
  else
    echo "submit: note: '$native_dir' is not on this machine; it must exist on every executor node" >&2
  fi
  native_opt="-Donnxruntime.native.path=$native_dir"
  for side in executor driver; do
    key="spark.$side.extraJavaOptions"
    value="$(conf_value "$key")"
    [[ -n "$value" ]] || value="$(prop "$key" "$props")"
    extra_back+=(--conf "$key=${value:+$value }$native_opt")
  done
  # spark-submit lets --driver-java-options win over spark.driver.extraJavaOptions
  take_opt --driver-java-options
  ((${#taken_list[@]} == 0)) || extra_back+=(--driver-java-options "${taken_list[*]} $native_opt")
fi

args=(--properties-file "$props" --load-spark-defaults ${extra_front[@]+"${extra_front[@]}"}
      ${submit_opts[@]+"${submit_opts[@]}"} ${extra_back[@]+"${extra_back[@]}"}
      --class dev.quire.cli.Quire "$jar" "${quire_args[@]}")

if $dry_run; then
  printf '%s\n' spark-submit "${args[@]}"
  exit 0
fi

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
# the driver is this JVM: it loads ONNX Runtime (local mode) with the option itself
[[ -z "$native_opt" ]] || jvm+=("$native_opt")
for opt in ${submit_opts[@]+"${submit_opts[@]}"} ${extra_back[@]+"${extra_back[@]}"}; do
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
