package dev.quire.service.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The data files of one table directory, as Spark and other Hadoop readers see them: names starting with _ or . are not data. */
final class PartFiles {
    private PartFiles() {
    }

    static List<FileStatus> list(String dir, Configuration conf) {
        Path path = new Path(dir);
        List<FileStatus> files = new ArrayList<>();
        try {
            for (FileStatus f : path.getFileSystem(conf).listStatus(path)) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    files.add(f);
                }
            }
        } catch (FileNotFoundException e) {
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(f -> f.getPath().getName()));
        return files;
    }
}
