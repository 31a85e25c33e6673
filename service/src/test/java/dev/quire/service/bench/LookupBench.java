package dev.quire.service.bench;

import dev.quire.job.CommittedRuns;
import dev.quire.job.OutputLayout;
import dev.quire.service.results.ParquetResults;
import dev.quire.service.results.Results;
import org.apache.hadoop.conf.Configuration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of per-document lookups under concurrent clients: {@code THREADS} threads each ask for
 * random current documents back to back (a closed loop) for {@code SECONDS} after a warm-up, and
 * the latencies of all of them give p50/p90/p99/max and the throughput.
 *
 * <pre>
 * LookupBench OUTPUT [--threads 16] [--seconds 30] [--warmup 10] [--text]
 *     ParquetResults.document(id) (or text(id)) in this JVM: the lookup layer alone
 * LookupBench OUTPUT --http URL TOKEN [same options]
 *     GET URL/documents/{id} (or /documents/{id}/text) with "Authorization: Bearer TOKEN"
 * </pre>
 * The document ids are the current ones of OUTPUT's latest committed run, read locally in both modes.
 */
public final class LookupBench {
    /** One lookup; returns false when the answer is not a document. */
    private interface Lookup {
        boolean find(String docId) throws Exception;
    }

    private LookupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LookupBench OUTPUT [--threads N] [--seconds S] [--warmup S] [--text] "
                    + "[--http URL TOKEN] | OUTPUT --ids-to FILE");
            System.exit(2);
        }
        String output = Path.of(args[0]).toAbsolutePath().toUri().toString();
        int threads = 16;
        int seconds = 30;
        int warmup = 10;
        boolean text = false;
        String url = null;
        String token = null;
        Path idsTo = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--text" -> text = true;
                case "--http" -> {
                    url = args[++i].replaceAll("/+$", "");
                    token = args[++i];
                }
                case "--ids-to" -> idsTo = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }

        long opening = System.nanoTime();
        try (ParquetResults results = new ParquetResults(output, new Configuration())) {
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            List<String> ids = currentIds(results, output);
            if (idsTo != null) {
                // for an external load generator (scripts/bench-service.sh --wrk)
                Files.write(idsTo, ids);
                return;
            }
            System.out.printf("opened %s in %.2f s: %,d current documents%n", output, openSeconds, ids.size());
            Lookup lookup = url == null ? local(results, text) : http(url, token, text);
            String what = (url == null ? "ParquetResults." + (text ? "text" : "document") + "(id)"
                    : "GET " + url + "/documents/{id}" + (text ? "/text" : ""));
            System.out.printf("%s: %d threads, %d s warm-up, %d s measured, %d cores%n", what, threads, warmup,
                    seconds, Runtime.getRuntime().availableProcessors());
            run(lookup, ids, threads, warmup, seconds);
        }
    }

    private static List<String> currentIds(Results results, String output) {
        List<String> runs = CommittedRuns.ids(new OutputLayout(output), new Configuration());
        if (runs.isEmpty()) {
            throw new IllegalStateException("no committed run in " + output);
        }
        List<String> ids = new ArrayList<>();
        for (Results.DocumentRow row : results.documentsOfRun(runs.get(runs.size() - 1), null, 0,
                Integer.MAX_VALUE).items()) {
            if (row.docId() != null) {
                ids.add(row.docId());
            }
        }
        return ids;
    }

    private static Lookup local(Results results, boolean text) {
        return text ? id -> results.text(id).isPresent() : id -> results.document(id).isPresent();
    }

    private static Lookup http(String url, String token, boolean text) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return id -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/documents/" + id + (text ? "/text" : "")))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200;
        };
    }

    private static void run(Lookup lookup, List<String> ids, int threads, int warmupSeconds, int seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] cpu = new long[threads];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long cpuFrom = -1;
                while (true) {
                    String id = ids.get(random.nextInt(ids.size()));
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    if (t0 >= measureFrom && cpuFrom < 0) {
                        cpuFrom = mx.getCurrentThreadCpuTime();
                    }
                    if (t0 >= measureFrom && cpuFrom < 0) {
                        cpuFrom = mx.getCurrentThreadCpuTime();
                    }
                    boolean found;
                    try {
                        found = lookup.find(id);
                    } catch (Exception e) {
                        found = false;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom) {
                        if (!found) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t1 - t0;
                    }
                }
                latencies[me] = mine;
                counts[me] = n;
                cpu[me] = cpuFrom < 0 ? 0 : mx.getCurrentThreadCpuTime() - cpuFrom;
                cpu[me] = cpuFrom < 0 ? 0 : mx.getCurrentThreadCpuTime() - cpuFrom;
            }, "lookup-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (total == 0) {
            System.out.println("no lookup finished in the measured window");
            return;
        }
        System.out.printf("lookups: %,d in %d s = %.1f/s, failures %d%n", total, seconds, total / (double) seconds,
                failures.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f%n", ms(pct(all, 50)),
                ms(pct(all, 90)), ms(pct(all, 99)), ms(all[total - 1]), ms((long) Arrays.stream(all).average()
                        .orElse(0)));
        // CPU the lookup threads themselves used (the work of a lookup, apart from waiting for a core):
        // on a busy machine latency says little, this still does
        System.out.printf("lookup-thread CPU ms per lookup: %.2f%n", ms(Arrays.stream(cpu).sum() / total));
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
