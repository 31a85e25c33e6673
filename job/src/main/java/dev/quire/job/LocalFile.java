package dev.quire.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Hadoop file made available as a local file for PDFBox (which wants random access): local
 * files are used in place, others are copied to a temporary file that {@link #close} deletes.
 * Reading it also yields the SHA-256 of its bytes when asked.
 */
final class LocalFile implements AutoCloseable {
    private final java.nio.file.Path path;
    private final boolean temporary;
    private final String sha256;

    private LocalFile(java.nio.file.Path path, boolean temporary, String sha256) {
        this.path = path;
        this.temporary = temporary;
        this.sha256 = sha256;
    }

    /** Opens {@code uri}; with {@code hash} its bytes are read once more (or while copying) for the SHA-256. */
    static LocalFile of(String uri, Configuration conf, boolean hash) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(conf);
        MessageDigest sha = hash ? newSha256() : null;
        if (fs instanceof LocalFileSystem || "file".equals(fs.getScheme())) {
            java.nio.file.Path local = java.nio.file.Path.of(p.toUri().getPath());
            if (hash) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(local), sha)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return new LocalFile(local, false, hash ? hex(sha) : null);
        }
        java.nio.file.Path tmp = Files.createTempFile("quire-", ".pdf");
        try (InputStream raw = fs.open(p);
             InputStream in = hash ? new DigestInputStream(raw, sha) : raw;
             OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new LocalFile(tmp, true, hash ? hex(sha) : null);
    }

    java.nio.file.Path path() {
        return path;
    }

    /** Hex SHA-256 of the bytes, when asked for at open. */
    String sha256() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }
}
