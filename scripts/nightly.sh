#!/usr/bin/env bash
# nightly.sh — one incremental `quire run` over the configured inputs, for cron or a systemd timer.
#
#   scripts/nightly.sh [CONFIG]        CONFIG defaults to $QUIRE_NIGHTLY_CONF, then conf/nightly.conf
#
# CONFIG is a shell file (see conf/nightly.conf.example) that sets:
#   INPUTS      input paths, space-separated (local, hdfs:, s3a:)          required
#   OUTPUT      output root                                                 required
#   QUIRE_ARGS  extra `quire run` options (e.g. "--master spark://h:7077")  optional
#   LOG_DIR     where logs go (one file per run)                            default: OUTPUT/logs if local, else ./logs
#   KEEP_LOGS   how many run logs to keep                                   default: 30
#
# Only documents that are new or changed since the last committed run are read (--incremental);
# each run leaves a manifest in OUTPUT/runs/. Exit status: 0 when the run committed (documents
# that failed are data: they are counted in the log and the manifest), non-zero when the job
# failed (inputs or output unusable, models or device unusable) or another nightly run holds the lock.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
config="${1:-${QUIRE_NIGHTLY_CONF:-$root/conf/nightly.conf}}"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 0
fi
[[ -f "$config" ]] || { echo "nightly: no config at $config (copy conf/nightly.conf.example)" >&2; exit 2; }
# shellcheck source=/dev/null
source "$config"
: "${INPUTS:?nightly: INPUTS is not set in $config}"
: "${OUTPUT:?nightly: OUTPUT is not set in $config}"
KEEP_LOGS="${KEEP_LOGS:-30}"
if [[ -z "${LOG_DIR:-}" ]]; then
  if [[ "$OUTPUT" == *://* && "$OUTPUT" != file://* ]]; then LOG_DIR="$PWD/logs"; else LOG_DIR="${OUTPUT#file://}/logs"; fi
fi
mkdir -p "$LOG_DIR"

# one nightly run at a time per output
exec 9> "$LOG_DIR/.nightly.lock"
if ! flock -n 9; then
  echo "nightly: another run holds $LOG_DIR/.nightly.lock; not starting" >&2
  exit 75
fi

log="$LOG_DIR/nightly-$(date -u +%Y%m%dT%H%M%SZ).log"
read -r -a inputs <<< "$INPUTS"
# shellcheck disable=SC2206  # QUIRE_ARGS is a list of options
extra=(${QUIRE_ARGS:-})
{
  echo "nightly: start $(date -u +%FT%TZ) inputs=${INPUTS} output=${OUTPUT}"
  set +e
  "$root/scripts/quire" run --incremental --input "${inputs[@]}" --output "$OUTPUT" "${extra[@]}"
  status=$?
  set -e
  echo "nightly: end $(date -u +%FT%TZ) exit=$status"
} > "$log" 2>&1 || true
status=$(sed -n 's/^nightly: end .* exit=\([0-9]*\)$/\1/p' "$log" | tail -1)
status="${status:-1}"

# keep the newest KEEP_LOGS logs
ls -1t "$LOG_DIR"/nightly-*.log 2>/dev/null | tail -n +"$((KEEP_LOGS + 1))" | xargs -r rm -f

case "$status" in
  0) echo "nightly: ok ($log)"; exit 0 ;;
  3) echo "nightly: committed; some documents failed, see $log and the run's documents rows"; exit 0 ;;
  *) echo "nightly: FAILED with exit $status; see $log" >&2; tail -n 5 "$log" >&2; exit "$status" ;;
esac
