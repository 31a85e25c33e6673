// Used by scripts/spark-home.sh (run as `java scripts/SparkJars.java CLUSTER_JAR LIB_DIR`, a
// single-file source program: no build step and nothing beyond the JDK).
//
// job/target/lib holds Spark with its dependencies *and* Quire's own runtime jars (both Maven
// copy-dependencies executions write there, for the local launcher). A Spark home must hold only
// what Spark needs: if PDFBox or ONNX Runtime sat on the cluster's class path, a cluster jar that
// forgot them would still pass the local cluster test. Maven scopes cannot tell the two sets
// apart (a jar that both sides use resolves to one scope: JTS is Quire's geometry library and
// also what Parquet's geospatial statistics use), so this decides by content, in two steps:
//  1. A jar is a candidate for Quire's side when its files (classes or resources below a
//     directory, outside META-INF) are inside the cluster jar, i.e. it was shaded into it.
//  2. A candidate stays on Spark's side after all when the bytecode of a Spark-side jar refers to
//     its packages (repeated until nothing changes), since Spark then needs it on its own.
//
// Prints one line per jar in LIB_DIR, sorted by name: "spark NAME", "quire NAME", or
// "spark NAME (also in the cluster jar; needed by OTHER)".
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class SparkJars {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java SparkJars.java CLUSTER_JAR LIB_DIR");
            System.exit(2);
        }
        Set<String> bundled = new HashSet<>();
        try (ZipFile cluster = new ZipFile(args[0])) {
            for (Enumeration<? extends ZipEntry> e = cluster.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (identifying(z)) {
                    bundled.add(z.getName());
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        }

        // candidate jar -> the package prefixes its classes live in (at most three levels deep)
        Map<Path, Set<String>> candidates = new LinkedHashMap<>();
        List<Path> sparkSide = new ArrayList<>();
        for (Path jar : jars) {
            Set<String> prefixes = new HashSet<>();
            if (shaded(jar, bundled, prefixes)) {
                candidates.put(jar, prefixes);
            } else {
                sparkSide.add(jar);
            }
        }

        Map<String, String> result = new TreeMap<>();
        sparkSide.forEach(j -> result.put(j.getFileName().toString(), "spark " + j.getFileName()));
        List<Path> toScan = sparkSide;
        while (!toScan.isEmpty() && !candidates.isEmpty()) {
            List<Path> kept = new ArrayList<>();
            for (Path user : toScan) {
                for (Path cand : referencedBy(user, candidates)) {
                    candidates.remove(cand);
                    kept.add(cand);
                    result.put(cand.getFileName().toString(), "spark " + cand.getFileName()
                            + " (also in the cluster jar; needed by " + user.getFileName() + ")");
                }
            }
            toScan = kept;
        }
        candidates.keySet().forEach(j -> result.put(j.getFileName().toString(), "quire " + j.getFileName()));
        result.values().forEach(System.out::println);
    }

    /** True when the jar's identifying files are in the cluster jar; collects its package prefixes. */
    private static boolean shaded(Path jar, Set<String> bundled, Set<String> prefixes) throws IOException {
        boolean found = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (!identifying(z)) {
                    continue;
                }
                found |= bundled.contains(z.getName());
                String n = z.getName();
                if (n.endsWith(".class")) {
                    String[] parts = n.split("/");
                    int depth = Math.min(3, parts.length - 1);
                    prefixes.add(String.join("/", List.of(parts).subList(0, depth)) + "/");
                }
            }
        }
        return found;
    }

    /** The candidates whose packages the classes of {@code jar} mention (read from their constant pools). */
    private static List<Path> referencedBy(Path jar, Map<Path, Set<String>> candidates) throws IOException {
        List<Path> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (!z.getName().endsWith(".class") || z.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(z)) {
                    bytes = in.readAllBytes();
                }
                // a plain byte search first: most classes mention none of the prefixes at all
                String raw = new String(bytes, StandardCharsets.ISO_8859_1);
                for (Map.Entry<Path, Set<String>> c : candidates.entrySet()) {
                    if (!out.contains(c.getKey()) && c.getValue().stream().anyMatch(raw::contains)
                            && mentions(bytes, c.getValue())) {
                        out.add(c.getKey());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a class name that starts with {@code prefix} is in the constant pool of a class
     * file: as a class entry ("picocli/CommandLine") or inside a descriptor or signature
     * ("(Lpicocli/CommandLine;)V"), but not as the tail of a longer name
     * ("org/apache/logging/log4j/core/tools/picocli/" is log4j's own copy of picocli).
     */
    static boolean mentions(byte[] classFile, Collection<String> prefixes) {
        for (String s : utf8Constants(classFile)) {
            for (String prefix : prefixes) {
                if (s.startsWith(prefix)) {
                    return true;
                }
                for (int i = s.indexOf("L" + prefix); i >= 0; i = s.indexOf("L" + prefix, i + 1)) {
                    char before = i == 0 ? '(' : s.charAt(i - 1);
                    if (!Character.isLetterOrDigit(before) && before != '/' && before != '_' && before != '$') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The UTF-8 strings of a class file's constant pool (JVMS 4.4); empty if it is not a class file. */
    static List<String> utf8Constants(byte[] b) {
        List<String> out = new ArrayList<>();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            if (in.readInt() != 0xCAFEBABE) {
                return out;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;   // longs and doubles take two slots
                    }
                    default -> {
                        return out;   // unknown tag: stop, keep what was read
                    }
                }
            }
        } catch (IOException e) {
            // truncated or odd class file: what was read so far still counts
        }
        return out;
    }

    /** Files that identify a jar: not directories, not top-level LICENSE-like files, not META-INF. */
    private static boolean identifying(ZipEntry z) {
        String n = z.getName();
        return !z.isDirectory() && n.indexOf('/') > 0 && !n.startsWith("META-INF/")
                && !n.endsWith("module-info.class");
    }
}
