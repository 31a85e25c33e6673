#!/usr/bin/env bash
# local-cluster.sh — proves the cluster jar on a real Spark standalone cluster on this machine.
#
# Usage: scripts/local-cluster.sh [--input PATH]... [--output PATH] [--port P] [--webui-port W]
#                                 [--gpus | --fake-gpus N] [--keep-logs]
#
# Starts a standalone master and one worker (2 cores, 2 GB) bound to 127.0.0.1, submits
# job/target/quire-cluster.jar to it with scripts/submit.sh --preset cluster (client mode), checks
# the output, prints one verdict line, and always stops the cluster again. The Spark home is
# $SPARK_HOME when it is a Spark 4 installation, else one assembled from the build's Maven jars
# (scripts/spark-home.sh), which holds Spark only: Quire's code must come from the cluster jar.
#
#   --input PATH    PDF file or directory (repeatable; default: the repository's samples/)
#   --output PATH   where the job writes (default: a new directory in the temporary directory);
#                   must not hold a run already
#   --port P, --webui-port W   master ports (default 0: free ports the kernel picks)
#   --gpus          GPU scheduling with this machine's GPUs: the worker discovers them with
#                   scripts/getGpusResources.sh, the job goes in with submit.sh --gpu (the gpu preset,
#                   device cuda; needs the CUDA build, mvn -Pgpu package), two tasks per GPU
#   --fake-gpus N   the same GPU scheduling on a machine without GPUs: the worker offers N pretend
#                   GPUs (addresses 0..N-1) and the job runs with --device auto, so each task's
#                   engine asks for the GPU Spark assigned it and then falls back to the CPU
#   --keep-logs     keep the logs directory after a successful run (always kept after a failure)
#
# Passes when the job exits 0 and OUTPUT has exactly one manifest runs/ID.json that counts every
# input PDF, names this cluster's master, and documents/run=ID and pages/run=ID hold Parquet
# files; with --gpus/--fake-gpus also when the executor was given a GPU. Exit status: 0 pass,
# 1 fail, 2 bad command line.
# Environment: SPARK_HOME, JAVA_HOME, QUIRE_CLUSTER_TIMEOUT (seconds for the job; default 600).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
usage() { echo "local-cluster: $*" >&2; exit 2; }

inputs=()
output=""
master_port=0
ui_port=0
keep_logs=false
gpus=""          # "", real, or a number of pretend GPUs
while (($#)); do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --input|--output|--port|--webui-port) (($# >= 2)) || usage "$1 needs a value" ;;&
    --input) inputs+=("$2"); shift 2 ;;
    --output) output="$2"; shift 2 ;;
    --port) master_port="$2"; shift 2 ;;
    --webui-port) ui_port="$2"; shift 2 ;;
    --keep-logs) keep_logs=true; shift ;;
    --gpus) gpus=real; shift ;;
    --fake-gpus) (($# >= 2)) || usage "--fake-gpus needs a number"; gpus="$2"; shift 2
      [[ "$gpus" =~ ^[1-9][0-9]?$ ]] || usage "invalid value for --fake-gpus: '$gpus' (expected 1..99)" ;;
    *) usage "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$master_port" =~ ^[0-9]+$ && "$ui_port" =~ ^[0-9]+$ ]] || usage "ports must be numbers"
((${#inputs[@]})) || inputs=("$root/samples")

abs() { [[ "$1" == /* ]] && echo "$1" || echo "$PWD/$1"; }
# Executors run in their own work directories, so every local path they see must be absolute.
for i in "${!inputs[@]}"; do
  [[ -e "${inputs[$i]}" ]] || usage "input '${inputs[$i]}' does not exist"
  inputs[$i]="$(abs "${inputs[$i]}")"
done

# What the job should find: *.pdf in any case, hidden files and directories skipped (InputScan).
expected=0
for i in "${inputs[@]}"; do
  n="$(find "$i" -mindepth 1 -name '.*' -prune -o -type f -iname '*.pdf' -print | wc -l)"
  [[ -f "$i" ]] && n=1
  expected=$((expected + n))
done
((expected > 0)) || usage "no PDF files in ${inputs[*]}"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$master_port" "$ui_port"; do
  if ((p != 0)) && port_busy "$p"; then
    echo "local-cluster: FAIL: port $p on 127.0.0.1 is busy; choose another or leave the default (0: a free port)" >&2
    exit 1
  fi
done

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java_bin" >/dev/null || { echo "local-cluster: FAIL: no java (set JAVA_HOME)" >&2; exit 1; }
if [[ ! -f "$root/job/target/quire-cluster.jar" ]]; then
  echo "local-cluster: no cluster jar yet; building once with 'mvn -q -B -DskipTests package'..." >&2
  (cd "$root" && mvn -q -B -DskipTests package) >&2 || { echo "local-cluster: FAIL: build failed" >&2; exit 1; }
fi
SPARK_HOME="$("$root/scripts/spark-home.sh")" || { echo "local-cluster: FAIL: no Spark home" >&2; exit 1; }
export SPARK_HOME
# Everything (RPC, block manager, web UIs, executors' advertised address) on the loopback only.
export SPARK_LOCAL_IP=127.0.0.1
# The Worker builds each executor's command with Spark's launcher, which takes the Scala version
# from here (bin/load-spark-env.sh sets it in a Spark distribution) or fails with "Cannot find
# any build directories".
export SPARK_SCALA_VERSION=2.13

if [[ -n "$output" ]]; then
  output="$(abs "$output")"
  if compgen -G "$output/runs/*.json" >/dev/null; then
    usage "output '$output' already holds a run; give a new directory"
  fi
fi
logs="$(mktemp -d "${TMPDIR:-/tmp}/quire-cluster.XXXXXX")"
mkdir -p "$logs/work" "$logs/local"
export SPARK_LOCAL_DIRS="$logs/local"
[[ -n "$output" ]] || output="$logs/out"

jvm=()
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] || jvm+=("$line")
done <"$root/conf/java-opts"
# Our own log configuration, whatever the Spark home has: the deploy classes' info lines are what
# this script reads (master URL, web UI port, worker registration). The daemons only schedule; the REST submission server is off (it would take fixed port 6066),
# and a port that is taken fails at once instead of silently moving to the next one.
daemon=("$java_bin" "${jvm[@]}" -Xmx512m -Dspark.master.rest.enabled=false -Dspark.port.maxRetries=0
        -Dlog4j2.configurationFile="$root/conf/log4j2-spark-deploy.properties" -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*")

master_pid=""
worker_pid=""
driver_pid=""
started=$SECONDS

# Stops what this script started, by process id: the driver, the worker (whose shutdown kills its
# executors; any executor still there afterwards is killed by id too), then the master.
stop_cluster() {
  local executors=() pid
  # (if-blocks, not '&&' chains: under set -e a failing last link would end the script here)
  if [[ -n "$driver_pid" ]]; then stop_pid "$driver_pid"; fi
  if [[ -n "$worker_pid" ]]; then
    mapfile -t executors < <(pgrep -P "$worker_pid" 2>/dev/null || true)
    stop_pid "$worker_pid"
    for pid in "${executors[@]}"; do stop_pid "$pid"; done
  fi
  if [[ -n "$master_pid" ]]; then stop_pid "$master_pid"; fi
  driver_pid="" worker_pid="" master_pid=""
}
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }
    sleep 0.2
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
show_logs() {
  local f
  for f in "$logs/master.log" "$logs/worker.log" "$logs/driver.log" "$logs"/work/*/*/stderr; do
    [[ -s "$f" ]] || continue
    echo "----- last 40 lines of ${f#"$logs"/} -----" >&2
    tail -n 40 "$f" >&2
  done
}
failed=false
fail() {
  failed=true
  stop_cluster
  show_logs
  echo "local-cluster: FAIL: $* (logs kept in $logs)" >&2
  exit 1
}
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  stop_cluster
  if ((rc != 0)) && ! $failed; then
    show_logs
    echo "local-cluster: FAIL: the script stopped with status $rc (logs kept in $logs)" >&2
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'fail "interrupted"' INT TERM

# wait_for SECONDS PID WHAT CMD...: polls CMD until it succeeds; fails if PID exits first.
wait_for() {
  local limit=$1 pid=$2 what=$3
  shift 3
  local deadline=$((SECONDS + limit))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      if grep -qiE 'could not bind|Address already in use|BindException' "$logs"/*.log 2>/dev/null; then
        fail "$what: a port is busy ($(grep -hiE -m1 'could not bind|Address already in use' "$logs"/*.log | head -1))"
      fi
      fail "$what: the process exited"
    fi
    ((SECONDS < deadline)) || fail "$what: nothing after ${limit}s"
    sleep 0.5
  done
}

echo "local-cluster: Spark home $SPARK_HOME; logs in $logs" >&2
"${daemon[@]}" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$ui_port" >"$logs/master.log" 2>&1 &
master_pid=$!
master_url() { grep -o 'Starting Spark master at spark://[^ ]*' "$logs/master.log" | head -1 | sed 's/.* at //'; }
ui_url() { grep -o 'Bound MasterWebUI to .* and started at http://[^ ]*' "$logs/master.log" | head -1 | sed 's/.* at //'; }
wait_for 60 "$master_pid" "master did not start" eval '[[ -n "$(master_url)" && -n "$(ui_url)" ]]'
master="$(master_url)"
ui="$(ui_url)"
ui="http://127.0.0.1:${ui##*:}"

# GPU scheduling: in standalone mode the worker discovers the GPUs and hands each executor its
# share (a resources file), so the executors do not run the discovery script themselves.
worker_gpu=()
submit_gpu=(--preset cluster)
quire_gpu=()
if [[ -n "$gpus" ]]; then
  if [[ "$gpus" == real ]]; then
    gpu_script="$root/scripts/getGpusResources.sh"
    count="$({ "$gpu_script" 2>/dev/null || true; } | grep -o '"[0-9]*"' | wc -l)"
    ((count > 0)) || fail "no GPUs here: $("$gpu_script" 2>&1 | tail -1) (--fake-gpus N pretends)"
  else
    gpu_script="$logs/fake-gpus.sh"
    addresses="$(seq 0 $((gpus - 1)) | sed 's/.*/"&"/' | paste -sd, -)"
    printf '#!/bin/sh\necho '"'"'{"name":"gpu","addresses":[%s]}'"'"'\n' "$addresses" >"$gpu_script"
    chmod +x "$gpu_script"
    count="$gpus"
    quire_gpu=(--device auto)
  fi
  worker_gpu=(-Dspark.worker.resource.gpu.amount="$count" -Dspark.worker.resource.gpu.discoveryScript="$gpu_script")
  # two task slots on the worker's two cores, sharing one GPU
  submit_gpu=(--gpu --conf spark.task.resource.gpu.amount=0.5 --conf spark.executor.memoryOverhead=512m)
fi

"${daemon[@]}" ${worker_gpu[@]+"${worker_gpu[@]}"} org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --port 0 --webui-port 0 \
  --cores 2 --memory 2g --work-dir "$logs/work" >"$logs/worker.log" 2>&1 &
worker_pid=$!
# The master's JSON view says when the worker is alive; without curl the worker's log says it.
registered() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 2 "$ui/json/" 2>/dev/null | grep -Eq '"aliveworkers" *: *[1-9]'
  else
    grep -q 'Successfully registered with master' "$logs/worker.log"
  fi
}
wait_for 60 "$worker_pid" "worker did not register with $master" registered
echo "local-cluster: master $master (web UI $ui), 1 worker with 2 cores after $((SECONDS - started))s; submitting" >&2

# The cluster preset as a user would run it, scaled to this one small worker; no driver web UI
# (one more port). The driver runs in the background so that a signal reaches the trap at once.
input_args=()
for i in "${inputs[@]}"; do input_args+=(--input "$i"); done
limit=()
command -v timeout >/dev/null 2>&1 && limit=(timeout "${QUIRE_CLUSTER_TIMEOUT:-600}")
job_started=$SECONDS
"${limit[@]}" "$root/scripts/submit.sh" "${submit_gpu[@]}" --master "$master" --deploy-mode client \
  --conf spark.executor.cores=2 --conf spark.executor.memory=1g --conf spark.driver.memory=1g \
  --conf spark.ui.enabled=false --conf spark.app.name=quire-local-cluster \
  -- run "${input_args[@]}" --output "$output" -q ${quire_gpu[@]+"${quire_gpu[@]}"} </dev/null >"$logs/driver.log" 2>&1 &
driver_pid=$!
rc=0
wait "$driver_pid" || rc=$?
driver_pid=""
job_s=$((SECONDS - job_started))
((rc != 124)) || fail "the job did not finish within ${QUIRE_CLUSTER_TIMEOUT:-600}s"
((rc == 0)) || fail "the job exited with status $rc after ${job_s}s"

# The output, as DESIGN.md's contract describes it.
manifests=()
for m in "$output"/runs/*.json; do [[ -f "$m" ]] && manifests+=("$m"); done
((${#manifests[@]} == 1)) || fail "expected one manifest in $output/runs, found ${#manifests[@]}"
manifest="${manifests[0]}"
run_id="$(basename "$manifest" .json)"
# "name" : { "key" : N, ... } -> "key N" lines (the manifest is Jackson's indented JSON)
counts() {
  awk -v name="\"$1\"" '
    index($0, name " : {") { inside = ($0 !~ /}/); next }
    inside && /}/ { inside = 0 }
    inside { gsub(/[",:]/, " "); print $1, $2 }' "$manifest"
}
total() { awk '{ n += $2 } END { print n + 0 }'; }
listing() { awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }'; }
documents="$(counts documents)"
pages="$(counts pages)"
ran_on="$(sed -n 's/^ *"spark_master" : "\([^"]*\)".*/\1/p' "$manifest")"
[[ "$ran_on" == "$master" ]] || fail "the manifest names master '$ran_on', not $master"
docs_total="$(total <<<"$documents")"
docs_ok="$(awk '$1 == "ok" { print $2 }' <<<"$documents")"
((docs_total == expected)) || fail "the manifest counts $docs_total documents ($(listing <<<"$documents")), expected $expected"
((${docs_ok:-0} == expected)) || fail "not every document is ok: $(listing <<<"$documents")"
for table in documents pages; do
  compgen -G "$output/$table/run=$run_id/part-*.parquet" >/dev/null \
    || fail "no Parquet files in $output/$table/run=$run_id"
done
executors="$({ compgen -G "$logs/work/app-*/*/stderr" || true; } | wc -l)"
((executors > 0)) || fail "the worker never started an executor"
if [[ -n "$gpus" ]]; then
  # the resources file the worker wrote for the executor names the GPU it was given
  grep -qs '"resourceName":"gpu"' "$logs"/work/app-*/*/resource-executor-*.json \
    || fail "the executor was not given a GPU (no gpu in its resources file)"
  gpu_note=", each given a GPU"
fi

verdict="local-cluster: PASS: $docs_total of $expected documents ($(listing <<<"$documents")), $(total <<<"$pages") pages ($(listing <<<"$pages")) on $master with $executors executor(s)${gpu_note:-}; job ${job_s}s, all $((SECONDS - started))s"
stop_cluster
if $keep_logs; then
  echo "local-cluster: logs kept in $logs" >&2
  verdict+="; output $output"
else
  rm -rf "$logs"
  if [[ "$output" == "$logs"/* ]]; then verdict+="; output discarded (--output or --keep-logs keeps it)"; else verdict+="; output $output"; fi
fi
echo "$verdict"
