#!/usr/bin/env bash
# Quality and speed of `quire ocr` against Tesseract 5 (ocrmypdf), measured in the same run.
#
#   scripts/bench-ocr.sh CORPUS [OUT]
#
# CORPUS is a folder made by ../shared/eval/dev-corpus.sh (or scan-corpus.sh): CORPUS/scans/*.pdf
# (image-only pages) and CORPUS/gt/DOC_pNNN.txt (ground truth per page). Both engines read every
# scan; each engine's time includes its start-up (JVM, Python). Scores come from TextMetrics.java
# (CER: order-sensitive, whitespace-collapsed; word F1: bag of words).
#
# Environment: QUIRE_OCR_ARGS   extra options for quire ocr (e.g. "--workers 1 --ocr-threads 2")
#              METRICS          path to TextMetrics.java (default: ../shared/eval/TextMetrics.java)
#              SKIP_TESSERACT=1 only run quire
# Needs: ocrmypdf with tesseract-ocr-eng (apt-get install -y ocrmypdf tesseract-ocr-eng).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:?usage: bench-ocr.sh CORPUS [OUT]}"
out="${2:-$(mktemp -d -t quire-bench.XXXXXX)}"
metrics="${METRICS:-$root/../shared/eval/TextMetrics.java}"
[[ -d "$corpus/scans" && -d "$corpus/gt" ]] || { echo "bench-ocr: $corpus has no scans/ and gt/" >&2; exit 2; }
[[ -f "$metrics" ]] || { echo "bench-ocr: TextMetrics.java not found at $metrics (set METRICS)" >&2; exit 2; }
mkdir -p "$out"

pages=$(ls "$corpus/gt" | wc -l)

# split DIR_OF_DOC_TXT DIR_OF_PAGES: DOC.txt with \f between pages -> DOC_pNNN.txt
split_pages() {
  mkdir -p "$2"
  for f in "$1"/*.txt; do
    doc=$(basename "$f" .txt)
    awk -v RS='\f' -v dir="$2" -v doc="$doc" \
      '{ fn = sprintf("%s/%s_p%03d.txt", dir, doc, NR); printf "%s", $0 > fn; close(fn) }' "$f"
  done
}

score() { java "$metrics" "$corpus/gt" "$1" | tail -1; }

"$root/scripts/quire" --version >/dev/null   # build first, outside the timing

echo "corpus: $corpus ($pages pages), output: $out" >&2
start=$(date +%s.%N)
# shellcheck disable=SC2086  # QUIRE_OCR_ARGS is a list of options
"$root/scripts/quire" ocr --mode ocr -q --stats ${QUIRE_OCR_ARGS:-} -o "$out/quire/docs" "$corpus/scans" \
  2> "$out/quire.stats" || true
quire_s=$(echo "$(date +%s.%N) - $start" | bc)
split_pages "$out/quire/docs" "$out/quire/pages"
quire_score=$(score "$out/quire/pages")

if [[ "${SKIP_TESSERACT:-0}" != 1 ]]; then
  command -v ocrmypdf >/dev/null || { echo "bench-ocr: ocrmypdf not installed" >&2; exit 2; }
  mkdir -p "$out/tesseract/docs" "$out/tesseract/pdf"
  start=$(date +%s.%N)
  for pdf in "$corpus"/scans/*.pdf; do
    doc=$(basename "$pdf" .pdf)
    ocrmypdf -q -j 2 --sidecar "$out/tesseract/docs/$doc.txt" "$pdf" "$out/tesseract/pdf/$doc.pdf"
  done
  tess_s=$(echo "$(date +%s.%N) - $start" | bc)
  split_pages "$out/tesseract/docs" "$out/tesseract/pages"
  tess_score=$(score "$out/tesseract/pages")
fi

row() { printf '%-22s %6s s  %5.3f pages/s  %s\n' "$1" "$(printf '%.1f' "$2")" "$(echo "$pages / $2" | bc -l)" "$3"; }
echo
echo "engine                   time    throughput     quality (TextMetrics)"
row "quire ocr" "$quire_s" "$quire_score"
if [[ -n "${tess_s:-}" ]]; then
  row "ocrmypdf (tesseract)" "$tess_s" "$tess_score"
  printf 'speed ratio quire/ocrmypdf: %.2f\n' "$(echo "$tess_s / $quire_s" | bc -l)"
fi
echo
echo "quire stage times:"; sed 's/^/  /' "$out/quire.stats"
