#!/usr/bin/env bash
# End-to-end OCR throughput against the model bound, on this machine's CPU or GPU.
#
#   scripts/bench.sh CORPUS [--device cpu|cuda|auto] [--replicate N] [--runner run|ocr]
#                    [--threads N] [--bound-pages N] [--bound-seconds S] [--out DIR] [-- QUIRE_OPTIONS...]
#
# CORPUS: a folder of PDFs (CORPUS/scans is used when it exists, as made by
# ../shared/eval/dev-corpus.sh). Steps, all on the same device:
#   1. --replicate N: copy the PDFs (each copy with distinct bytes) until there are >= N pages;
#   2. `quire bench`: det and rec models alone at the corpus's shapes -> the model bound (pages/s);
#   3. the job end to end: `quire run --mode ocr --master local[THREADS] --events` (default) or
#      `quire ocr --mode ocr --workers THREADS` (--runner ocr), with its per-stage figures;
#   4. the report: per-stage rates, end-to-end pages/s, bound, end-to-end / bound (target >= 80 % on
#      a GPU), and a last line `RESULT {json}`.
# QUIRE_OPTIONS go to both bench and the job, e.g. -- --rec-batch-wait 10 --rec-batch 16.
#
# Environment: JAVA_CP   class path of the quire jars: run `java -cp "$JAVA_CP" dev.quire.cli.Quire`
#                        instead of scripts/quire (the GPU machine: JAVA_CP="$QUIRE_CLASSPATH");
#              JAVA      java binary (default: java on PATH, or $JAVA_HOME/bin/java).
# Needs only bash and Java (no bc, jq or poppler).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

corpus="${1:-}"; [[ -n "$corpus" && "$corpus" != -* ]] || usage; shift
device=auto replicate=0 runner=run threads="$(nproc)" bound_pages=20 bound_seconds=10 out="" extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --device) device="$2"; shift 2 ;;
    --replicate) replicate="$2"; shift 2 ;;
    --runner) runner="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --bound-pages) bound_pages="$2"; shift 2 ;;
    --bound-seconds) bound_seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "bench: unknown option '$1'" >&2; usage ;;
  esac
done
[[ "$runner" == run || "$runner" == ocr ]] || { echo "bench: --runner must be run or ocr, not '$runner'" >&2; exit 2; }
[[ "$replicate" =~ ^[0-9]+$ ]] || { echo "bench: --replicate needs a page count, not '$replicate'" >&2; exit 2; }
[[ -d "$corpus/scans" ]] && corpus="$corpus/scans"
[[ -d "$corpus" ]] || { echo "bench: no such folder: $corpus" >&2; exit 2; }
out="${out:-$(mktemp -d -t quire-bench.XXXXXX)}"
mkdir -p "$out"

java_bin="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
if [[ -n "${JAVA_CP:-}" ]]; then
  cp="$JAVA_CP"
  opts=()
  while IFS= read -r line; do [[ -z "$line" || "$line" == \#* ]] || opts+=("$line"); done < "$root/conf/java-opts"
  quire() { "$java_bin" "${opts[@]}" -XX:+UseG1GC -cp "$cp" dev.quire.cli.Quire "$@"; }
else
  "$root/scripts/quire" --version >/dev/null   # builds once if needed
  cp="$root/job/target/quire-job.jar:$root/job/target/lib/*"
  quire() { "$root/scripts/quire" "$@"; }
fi
tool() { "$java_bin" -Djava.awt.headless=true -cp "$cp" "$@"; }
now_ms() { date +%s%3N; }

input="$corpus"
if (( replicate > 0 )); then
  pages=$(tool dev.quire.bench.Replicate "$out/corpus" "$replicate" "$corpus")
  input="$out/corpus"
  echo "bench: replicated $corpus to $pages pages in $input" >&2
fi

echo "bench: model bound on $device ($bound_pages pages, $threads threads, ${bound_seconds}s per model)..." >&2
quire bench --device "$device" --pages "$bound_pages" --threads "$threads" --seconds "$bound_seconds" \
  --json "$out/bound.json" "${extra[@]}" "$input" > "$out/bound.txt" 2> "$out/bound.log" \
  || { cat "$out/bound.log" >&2; echo "bench: quire bench failed" >&2; exit 1; }

echo "bench: end to end with quire $runner on $device..." >&2
start=$(now_ms)
if [[ "$runner" == run ]]; then
  quire run --mode ocr -q --events --master "local[$threads]" --device "$device" "${extra[@]}" \
    --input "$input" --output "$out/run" > "$out/events.jsonl" 2> "$out/run.log" \
    || { tail -20 "$out/run.log" >&2; echo "bench: quire run failed" >&2; exit 1; }
  grep '"event":"finished"' "$out/events.jsonl" > "$out/e2e.json"
else
  quire ocr --mode ocr -q --workers "$threads" --device "$device" --stats-json "$out/e2e.json" "${extra[@]}" \
    -o "$out/ocr" "$input" 2> "$out/run.log" \
    || { tail -20 "$out/run.log" >&2; echo "bench: quire ocr failed" >&2; exit 1; }
fi
ms=$(( $(now_ms) - start ))
tool dev.quire.bench.BenchReport "$out/e2e.json" "$out/bound.json" "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))" \
  "quire $runner ${extra[*]:-(defaults)}"
echo "bench: files in $out" >&2
