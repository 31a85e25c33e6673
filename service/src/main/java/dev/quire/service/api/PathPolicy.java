package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which paths a client may name. Inputs must lie under an allowed input root, outputs under an
 * allowed output root or the default output root. Local paths are judged by their real path (every
 * symbolic link resolved), so neither {@code ..} nor a link can leave a root; a directory input is
 * walked and every link inside it must stay under the roots too (the job follows links when it
 * lists a directory). A path outside the roots is refused before anything tells whether it
 * exists, so the answer cannot be used to probe the server's file system. Roots given as URIs
 * ({@code hdfs://nn/corpus/}) allow inputs by prefix after URI normalisation; {@code ..} is
 * refused there outright (no file system to ask).
 */
final class PathPolicy {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final List<String> inputRoots;
    private final List<String> outputRoots;

    PathPolicy(List<String> inputRoots, List<String> outputRoots, Path defaultOutput) {
        this.inputRoots = List.copyOf(inputRoots);
        List<String> outputs = new ArrayList<>(outputRoots);
        outputs.add(defaultOutput.toString());
        this.outputRoots = List.copyOf(outputs);
    }

    /** The input as the job will read it (a real local path, or a normalised URI); throws 400 or 403. */
    String input(String raw) {
        if (isRemote(raw)) {
            return remote(raw, inputRoots, "input");
        }
        Path p = local(raw, "input");
        List<Path> roots = localRoots(inputRoots);
        if (!under(p.normalize(), roots) && !under(p.normalize(), asWritten(inputRoots))) {
            throw outside("input", raw);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "input '" + raw + "' does not exist");
        } catch (IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "input '" + raw + "' cannot be read");
        }
        if (!under(real, roots)) {
            throw outside("input", raw);
        }
        if (Files.isDirectory(real)) {
            checkLinksInside(real, raw, roots);
        }
        return real.toString();
    }

    /** The output root the job will write (null: the default output root); throws 400 or 403. */
    String output(String raw, Path defaultOutput) {
        if (raw == null || raw.isBlank()) {
            return defaultOutput.toString();
        }
        if (isRemote(raw)) {
            return remote(raw, outputRoots, "output");
        }
        Path p = local(raw, "output");
        List<Path> roots = localRoots(outputRoots);
        Path real = realish(p);
        if (!under(p.normalize(), roots) && !under(p.normalize(), asWritten(outputRoots)) || !under(real, roots)) {
            throw outside("output", raw);
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new ServiceException(Problem.BAD_REQUEST, "output '" + raw + "' is a file, not a directory");
        }
        return real.toString();
    }

    private static boolean isRemote(String raw) {
        return SCHEME.matcher(raw).matches() && !raw.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    private static Path local(String raw, String what) {
        Path p;
        try {
            p = raw.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(raw)) : Path.of(raw);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new ServiceException(Problem.BAD_REQUEST, what + " '" + raw + "' is not a valid path");
        }
        if (!p.isAbsolute()) {
            throw new ServiceException(Problem.BAD_REQUEST, what + " '" + raw + "' must be an absolute path");
        }
        return p;
    }

    private static String remote(String raw, List<String> roots, String what) {
        URI uri;
        try {
            uri = URI.create(raw).normalize();
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Problem.BAD_REQUEST, what + " '" + raw + "' is not a valid URI");
        }
        String path = uri.getPath();
        if (path == null || path.contains("..") || raw.contains("/../") || raw.endsWith("/..")) {
            throw outside(what, raw);
        }
        String s = uri.toString();
        for (String root : roots) {
            if (isRemote(root)) {
                String r = URI.create(root).normalize().toString();
                String prefix = r.endsWith("/") ? r : r + "/";
                if (s.equals(r) || s.startsWith(prefix)) {
                    return s;
                }
            }
        }
        throw outside(what, raw);
    }

    private static void checkLinksInside(Path dir, String raw, List<Path> roots) {
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isSymbolicLink).forEach(link -> {
                if (!under(linkTarget(link), roots)) {
                    throw new ServiceException(Problem.FORBIDDEN, "input '" + raw
                            + "' contains a symbolic link that leads outside the allowed input roots");
                }
            });
        } catch (UncheckedIOException e) {
            String why = e.getCause() instanceof FileSystemLoopException ? "contains a symbolic link loop"
                    : "cannot be listed";
            throw new ServiceException(Problem.BAD_REQUEST, "input '" + raw + "' " + why);
        } catch (IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "input '" + raw + "' cannot be listed");
        }
    }

    /** Where a link leads; for a dangling one, where it would lead (it must not point outside either). */
    private static Path linkTarget(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            try {
                return realish(link.getParent().resolve(Files.readSymbolicLink(link)).normalize());
            } catch (IOException e2) {
                return link;   // unreadable: judged where it sits
            }
        }
    }

    /** Local roots, each by its real path as far as it exists (a root may itself be a link, e.g. /tmp). */
    private static List<Path> localRoots(List<String> roots) {
        return asWritten(roots).stream().map(PathPolicy::realish).toList();
    }

    /**
     * Local roots as configured (normalised): the first, lexical check accepts a path written
     * through a root that is a link; the real-path check that follows decides.
     */
    private static List<Path> asWritten(List<String> roots) {
        List<Path> out = new ArrayList<>();
        for (String r : roots) {
            if (!isRemote(r)) {
                try {
                    Path p = r.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(r)) : Path.of(r);
                    out.add(p.toAbsolutePath().normalize());
                } catch (IllegalArgumentException e) {
                    // a root that is no path allows nothing
                }
            }
        }
        return out;
    }

    /** The real path of the longest existing prefix, plus the rest as written (for paths yet to be created). */
    static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static boolean under(Path p, List<Path> roots) {
        for (Path root : roots) {
            if (p.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    private static ServiceException outside(String what, String raw) {
        return new ServiceException(Problem.FORBIDDEN, what + " '" + raw + "' is not under an allowed " + what + " root");
    }
}
