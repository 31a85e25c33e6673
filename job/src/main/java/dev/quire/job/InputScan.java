package dev.quire.job;

import dev.quire.QuireException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists the input files on any Hadoop file system: a file given by name is taken whatever its
 * name (so that a bad file becomes a documents row rather than vanishing); directories contribute
 * their {@code *.pdf} files (any case) recursively, skipping hidden files and directories
 * ({@code .name}). Each file once, in path order.
 */
public final class InputScan {
    private InputScan() {
    }

    public static List<SourceFile> scan(List<String> inputs, Configuration conf) {
        Map<String, SourceFile> files = new LinkedHashMap<>();
        for (String input : inputs) {
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status = fs.getFileStatus(path);
                if (status.isDirectory()) {
                    listPdfs(fs, status.getPath(), files);
                } else {
                    add(status, files);
                }
            } catch (FileNotFoundException e) {
                throw new QuireException("input path '" + input + "' does not exist");
            } catch (IOException e) {
                throw new QuireException("cannot read input path '" + input + "': " + e.getMessage(), e);
            }
        }
        List<SourceFile> out = new ArrayList<>(files.values());
        out.sort(Comparator.comparing(SourceFile::path));
        return out;
    }

    private static void listPdfs(FileSystem fs, Path dir, Map<String, SourceFile> files) throws IOException {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        String base = dir.toUri().getPath();
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = f.getPath().toUri().getPath().substring(Math.min(base.length(),
                    f.getPath().toUri().getPath().length()));
            if (f.isFile() && isPdfName(f.getPath().getName()) && !hidden(relative)) {
                add(f, files);
            }
        }
    }

    private static void add(FileStatus f, Map<String, SourceFile> files) {
        String p = f.getPath().toString();
        files.putIfAbsent(p, new SourceFile(p, f.getLen(), f.getModificationTime()));
    }

    static boolean isPdfName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    static boolean hidden(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
