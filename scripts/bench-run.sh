#!/usr/bin/env bash
# Spark overhead, incremental re-runs and a long document, measured in one session.
#
#   scripts/bench-run.sh CORPUS [OUT]
#
# CORPUS/scans/*.pdf as made by ../shared/eval/dev-corpus.sh. Prints, all on this machine:
#   1. pages/s of `quire ocr` and of `quire run --master local[N]` over the same scans (JVM start
#      included) and the ratio run/ocr (the cost of Spark: scan, probe, tasks, Parquet);
#   2. the time of a second `--incremental` run over the unchanged input, against the first;
#   3. a generated 1,000-page PDF through `quire run` with --conf spark.driver.memory=1g
#      (the whole job in one 1 GiB JVM in local mode), its time and peak RSS.
# Environment: CORES (local Spark threads and ocr workers, default: all), QUIRE_ARGS (extra options for both).
# Needs: pdfinfo (poppler-utils) and GNU time (apt-get install -y poppler-utils time).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:?usage: bench-run.sh CORPUS [OUT]}"
out="${2:-$(mktemp -d -t quire-bench-run.XXXXXX)}"
cores="${CORES:-$(nproc)}"
# shellcheck disable=SC2206
extra=(${QUIRE_ARGS:-})
[[ -d "$corpus/scans" ]] || { echo "bench-run: $corpus has no scans/" >&2; exit 2; }
mkdir -p "$out"
quire="$root/scripts/quire"
"$quire" --version >/dev/null
pages=$(for f in "$corpus"/scans/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'; done | paste -sd+ | bc)

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>>"$out/bench.log"; echo "$(date +%s.%N) - $s" | bc; }

echo "corpus: $corpus ($pages pages), cores: $cores, output: $out" >&2
t_ocr=$(seconds "$quire" ocr --mode ocr -q --workers "$cores" "${extra[@]}" -o "$out/ocr" "$corpus/scans")
t_run=$(seconds "$quire" run --mode ocr -q --master "local[$cores]" "${extra[@]}" --incremental --input "$corpus/scans" --output "$out/run")
t_again=$(seconds "$quire" run --mode ocr -q --master "local[$cores]" "${extra[@]}" --incremental --input "$corpus/scans" --output "$out/run")

mkdir -p "$out/long"
java -cp "$root/udf/target/test-classes:$root/job/target/lib/*" -Djava.awt.headless=true \
  dev.quire.testing.LongDocument "$out/long/thousand-pages.pdf" 1000 >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/long.rss" "$quire" run -q --master "local[$cores]" --conf spark.driver.memory=1g \
  "${extra[@]}" --input "$out/long" --output "$out/long-out" 2>>"$out/bench.log" || { echo "1,000-page run FAILED (see $out/bench.log)"; exit 1; }
t_long=$(echo "$(date +%s.%N) - $start" | bc)

printf '%-44s %8.1f s  %6.3f pages/s\n' "quire ocr (workers $cores)" "$t_ocr" "$(echo "$pages / $t_ocr" | bc -l)"
printf '%-44s %8.1f s  %6.3f pages/s\n' "quire run (local[$cores])" "$t_run" "$(echo "$pages / $t_run" | bc -l)"
printf 'Spark overhead (run/ocr time - 1): %+.1f %%\n' "$(echo "($t_run / $t_ocr - 1) * 100" | bc -l)"
printf '%-44s %8.1f s  (%.1f %% of the first run)\n' "second --incremental run, unchanged input" "$t_again" "$(echo "$t_again / $t_run * 100" | bc -l)"
printf '%-44s %8.1f s  peak RSS %d MiB (heap 1 GiB)\n' "1,000-page PDF, spark.driver.memory=1g" "$t_long" "$(( $(cat "$out/long.rss") / 1024 ))"
