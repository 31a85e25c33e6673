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
#    --http URL TOKEN to measure GET URL/documents/{id} on a running `quire serve` instead;
#    or give --serve first: the script starts `scripts/quire serve` on a free loopback port over the
#    synthetic output (its data directory's output/ links to it), measures GET /documents/{id}
#    through HTTP, and stops the service. --wrk instead of --serve does the same with wrk (Debian
#    package wrk), a C load generator that leaves the 2 cores to the service: 16 connections,
#    10 s warm-up, then 30 s measured twice (the second is the JIT-warm figure); extra options go to wrk.
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
bench=(java -Xmx"${BENCH_HEAP:-1g}" -Djava.awt.headless=true
  -cp "$root/service/target/test-classes:$root/service/target/classes:$root/service/target/lib/*"
  dev.quire.service.bench.LookupBench "$output")

if [[ "${1:-}" == "--serve" || "${1:-}" == "--wrk" ]]; then
  mode="$1"
  shift
  if [[ "$mode" == "--wrk" ]] && ! command -v wrk >/dev/null; then
    echo "bench-service: --wrk needs wrk (apt-get install -y wrk)" >&2
    exit 2
  fi
  data="$(mktemp -d -t quire-bench-serve.XXXXXX)"
  ln -s "$output" "$data/output"
  token="bench-$(date +%s%N)-token"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  QUIRE_AUTH_TOKEN="$token" "$root/scripts/quire" serve --data-dir "$data" --port "$port" >"$data/serve.log" 2>&1 &
  serve_pid=$!
  trap 'kill $serve_pid 2>/dev/null; wait $serve_pid 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 120); do
    grep -q 'listening on' "$data/serve.log" 2>/dev/null && break
    kill -0 $serve_pid 2>/dev/null || { cat "$data/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "bench-service: quire serve on port $port over $output" >&2
  if [[ "$mode" == "--serve" ]]; then
    "${bench[@]}" --http "http://127.0.0.1:$port" "$token" "$@"
    exit
  fi
  "${bench[@]}" --ids-to "$data/ids.txt"
  cat > "$data/lookup.lua" <<LUA
local ids = {}
for line in io.lines("$data/ids.txt") do ids[#ids + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/documents/" .. ids[math.random(#ids)], {["Authorization"] = "Bearer $token"})
end
LUA
  url="http://127.0.0.1:$port"
  echo "GET $url/documents/{id} with wrk: 16 connections, 10 s warm-up, 2 x 30 s measured, $(nproc) cores"
  wrk -t1 -c16 -d10s -s "$data/lookup.lua" "$@" "$url" >/dev/null
  for round in 1 2; do
    echo "round $round:"
    wrk -t1 -c16 -d30s --latency -s "$data/lookup.lua" "$@" "$url" | grep -E 'Latency Distribution| [0-9]+% |Requests/sec|Non-2xx|Socket errors'
  done
  exit
fi

"${bench[@]}" "$@"
