package dev.quire.job;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quire.QuireException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code runs/ID.json}: what a run read, how, what came out, and how long it took. Writing it
 * is the run's commit: it is written to a hidden file and renamed into place last.
 *
 * @param stages per-stage figures ({@code StageFigures}: render pages/s, det images/s, rec lines/s,
 *               batch fill, session busy time); absent in manifests written before they existed
 */
public record RunManifest(String runId, String quireVersion, String startedAt, String finishedAt, double seconds,
                          List<String> inputs, String output, String pipeline, String modelFingerprint,
                          Map<String, Object> settings, Map<String, Long> documents, Map<String, Long> pages,
                          double pagesPerSecond, String sparkMaster, String sparkApplicationId,
                          Map<String, Object> stages) {
    // the contract only grows: manifests of later versions may carry fields this one does not know
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public void commit(OutputLayout layout, Configuration conf) {
        Path target = new Path(layout.manifest(runId));
        Path tmp = new Path(layout.runsDir(), "." + runId + ".json.tmp");
        try {
            FileSystem fs = target.getFileSystem(conf);
            fs.mkdirs(target.getParent());
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                MAPPER.writeValue((java.io.OutputStream) out, this);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename of " + tmp + " to " + target + " failed");
            }
        } catch (IOException e) {
            throw new QuireException("cannot write the run manifest '" + target + "': " + e.getMessage(), e);
        }
    }

    public static RunManifest read(Path file, Configuration conf) throws IOException {
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            return MAPPER.readValue(in, RunManifest.class);
        }
    }
}
