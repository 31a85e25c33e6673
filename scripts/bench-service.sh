#!/usr/bin/env bash
# Per-document lookup latency of the REST service's result layer under 16 concurrent clients.
#
#   scripts/bench-service.sh [LookupBench options…]
#
# 1. builds the project if needed (mvn package -DskipTests, which compiles the test classes);
# 2. writes a synthetic output root (10,000 documents × 10 OCR'd pages, ~1.5 KB of text and 25 lines
#    with boxes per page, pages in 16 files sorted by doc_id as the job writes them) with local Spark,
#    or reuses it when it is there;
# 3. runs LookupBench on the service's own class path (no Spark): ParquetResults.document(id) for
#    random current ids from 16 threads, 10 s warm-up, 30 s measured; prints p50/p90/p99/max and
#    lookups/s. Options go to LookupBench: --threads N, --seconds S, --warmup S, --text, and
#    --http URL TOKEN to measure GET URL/documents/{id} on a running `quire serve` instead.
# Environment: BENCH_OUTPUT (default ${TMPDIR:-/tmp}/quire-bench-service), DOCUMENTS (10000), PAGES (10),
#   BENCH_HEAP (LookupBench's heap, default 1g), MVN_FLAGS (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
output="${BENCH_OUTPUT:-${TMPDIR:-/tmp}/quire-bench-service}"
documents="${DOCUMENTS:-10000}"
pages="${PAGES:-10}"
mapfile -t java_opts < <(grep -v '^#' "$root/conf/java-opts" | grep -v '^$')

if [[ ! -f "$root/service/target/test-classes/dev/quire/service/bench/LookupBench.class" \
      || ! -f "$root/service/target/quire-service.jar" || ! -f "$root/job/target/quire-job.jar" ]]; then
  echo "bench-service: building (mvn package -DskipTests)" >&2
  # shellcheck disable=SC2086
  (cd "$root" && mvn -q -B ${MVN_FLAGS:-} package -DskipTests)
fi

if ! compgen -G "$output/runs/*.json" >/dev/null; then
  rm -rf "$output"
  echo "bench-service: writing $documents documents × $pages pages to $output (local Spark)" >&2
  java -Xmx3g "${java_opts[@]}" \
    -cp "$root/service/target/test-classes:$root/job/target/quire-job.jar:$root/job/target/lib/*" \
    dev.quire.service.bench.SyntheticOutput "$output" "$documents" "$pages"
else
  echo "bench-service: reusing $output ($(du -sh "$output" | cut -f1))" >&2
fi

# the service's class path: quire-service.jar's dependencies, no Spark
java -Xmx"${BENCH_HEAP:-1g}" -Djava.awt.headless=true \
  -cp "$root/service/target/test-classes:$root/service/target/classes:$root/service/target/lib/*" \
  dev.quire.service.bench.LookupBench "$output" "$@"
