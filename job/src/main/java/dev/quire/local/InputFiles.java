package dev.quire.local;

import dev.quire.QuireException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands command-line inputs: files are taken as given (whatever their name, so that a bad
 * file is reported rather than silently ignored); directories contribute their {@code *.pdf}
 * files (any case) recursively, skipping hidden files and directories, in path order.
 */
public final class InputFiles {
    private InputFiles() {
    }

    public static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                out.addAll(pdfsUnder(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static List<Path> pdfsUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .filter(p -> !hidden(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new QuireException("cannot list input directory '" + dir + "': " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
