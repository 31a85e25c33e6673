package dev.quire.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster jar on a real Spark standalone cluster: {@code scripts/local-cluster.sh} starts a
 * master and a worker on 127.0.0.1 from a Spark home that holds Spark only, submits
 * {@code job/target/quire-cluster.jar} (built by {@code package}, before failsafe runs this)
 * with the cluster preset, checks the output and stops the cluster. This test then reads the
 * output itself: the manifest, and the Parquet footers' row counts and schemas.
 */
class StandaloneClusterIT {
    /** About a minute on 2 cores; the limit only keeps a hung cluster from hanging the build. */
    private static final long LIMIT_MINUTES = 8;

    @TempDir
    Path tmp;

    @Test
    void ocrsTheSamplesOnAStandaloneCluster() throws Exception {
        assumeTrue(canListenOnLoopback(), "cannot listen on 127.0.0.1, so no local cluster can run here");
        assumeTrue(hasBash(), "no bash to run scripts/local-cluster.sh");
        Path root = repositoryRoot();
        Path out = tmp.resolve("out");
        String output = localCluster("--output", out.toString());
        assertThat(output).contains("local-cluster: PASS");

        long pdfs;
        try (Stream<Path> s = Files.list(root.resolve("samples"))) {
            pdfs = s.filter(f -> f.toString().endsWith(".pdf")).count();
        }
        assertThat(pdfs).isEqualTo(3);

        List<Path> manifests = list(out.resolve("runs"), ".json");
        assertThat(manifests).hasSize(1);
        JsonNode m = new ObjectMapper().readTree(manifests.get(0).toFile());
        String runId = m.get("run_id").asText();
        assertThat(m.get("spark_master").asText()).startsWith("spark://127.0.0.1:");
        // a standalone application id, not local mode's "local-..."
        assertThat(m.get("spark_application_id").asText()).startsWith("app-");
        assertThat(m.get("documents").get("ok").asLong()).isEqualTo(pdfs);
        assertThat(m.get("documents").size()).as("statuses other than ok: %s", m.get("documents")).isEqualTo(1);
        // the scanned samples were OCRed on the executor: ONNX Runtime and the models came from the cluster jar
        long ocrPages = m.get("pages").get("ocr").asLong();
        long textPages = m.get("pages").get("text_layer").asLong();
        assertThat(ocrPages).isPositive();
        assertThat(m.get("pages").get("failed").asLong()).isZero();

        Configuration hadoop = new Configuration();
        assertThat(rows(out.resolve("documents/run=" + runId), hadoop, "doc_id", "status", "page_count"))
                .isEqualTo(pdfs);
        assertThat(rows(out.resolve("pages/run=" + runId), hadoop, "doc_id", "page", "method", "text", "lines"))
                .isEqualTo(ocrPages + textPages);
    }

    @Test
    void schedulesGpusOnAStandaloneClusterWithoutAnyGpu() throws Exception {
        assumeTrue(canListenOnLoopback(), "cannot listen on 127.0.0.1, so no local cluster can run here");
        assumeTrue(hasBash(), "no bash to run scripts/local-cluster.sh");
        // the worker offers pretend GPUs, the gpu preset asks for them, each task's engine asks ONNX
        // Runtime for its assigned GPU (dev.quire.job.TaskDevice) and falls back to the CPU
        String output = localCluster("--fake-gpus", "2",
                "--input", repositoryRoot().resolve("samples/scanned-letter.pdf").toString());
        assertThat(output).contains("local-cluster: PASS").contains("each given a GPU");
    }

    /** Runs scripts/local-cluster.sh with {@code args}; returns its output after checking it passed. */
    private String localCluster(String... args) throws Exception {
        Path log = tmp.resolve("local-cluster.log");
        List<String> command = new ArrayList<>(
                List.of("bash", repositoryRoot().resolve("scripts/local-cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(repositoryRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the script's logs and work directories go under this test's temporary directory
        pb.environment().put("TMPDIR", tmp.toString());
        long started = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            p.destroy();   // SIGTERM: the script's trap stops the master, worker and executors
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            fail("scripts/local-cluster.sh did not finish within " + LIMIT_MINUTES + " minutes:\n"
                    + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.printf(Locale.ROOT, "%s(%.0f s)%n", output, (System.nanoTime() - started) / 1e9);
        assertThat(p.exitValue()).as("exit status of scripts/local-cluster.sh; its output:%n%s", output).isZero();
        return output;
    }

    /** Rows in a directory's Parquet files, from their footers; checks that each file has the columns. */
    private static long rows(Path dir, Configuration hadoop, String... columns) throws IOException {
        List<Path> parts = list(dir, ".parquet");
        assertThat(parts).as("Parquet files in %s", dir).isNotEmpty();
        long n = 0;
        for (Path part : parts) {
            try (ParquetFileReader r = ParquetFileReader.open(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()), hadoop))) {
                MessageType schema = r.getFooter().getFileMetaData().getSchema();
                for (String c : columns) {
                    assertThat(schema.containsField(c)).as("column %s in %s", c, part).isTrue();
                }
                n += r.getRecordCount();
            }
        }
        return n;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The checkout: the first directory upwards from the module (failsafe's working directory) with the script. */
    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/local-cluster.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("scripts/local-cluster.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean canListenOnLoopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasBash() {
        try {
            return new ProcessBuilder("bash", "-c", "exit 0").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
