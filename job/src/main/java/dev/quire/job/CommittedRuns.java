package dev.quire.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The runs of an output directory that committed (have a manifest), oldest first. */
public final class CommittedRuns {
    private CommittedRuns() {
    }

    public static List<String> ids(OutputLayout layout, Configuration conf) {
        Path runs = new Path(layout.runsDir());
        List<String> ids = new ArrayList<>();
        try {
            FileSystem fs = runs.getFileSystem(conf);
            for (FileStatus f : fs.listStatus(runs)) {
                String name = f.getPath().getName();
                if (f.isFile() && name.endsWith(".json") && !name.startsWith(".")) {
                    ids.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        } catch (FileNotFoundException e) {
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + runs + ": " + e.getMessage(), e);
        }
        ids.sort(null);
        return ids;
    }
}
