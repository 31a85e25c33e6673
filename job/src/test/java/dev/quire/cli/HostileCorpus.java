package dev.quire.cli;

import dev.quire.testing.TestPdfs;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Files that must each end as one documents row, with the status each must get. */
final class HostileCorpus {
    private HostileCorpus() {
    }

    /** Writes the corpus under {@code dir}; returns relative path → expected status. */
    static Map<String, String> write(Path dir) throws IOException {
        Path nested = Files.createDirectories(dir.resolve("deeply/nested/folder"));
        Path good = TestPdfs.bornDigital(dir.resolve("good.pdf"), List.of(TestPdfs.PROSE));
        Files.write(dir.resolve("zero-bytes.pdf"), new byte[0]);
        TestPdfs.truncated(good, dir.resolve("truncated.pdf"), 300);
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Files.write(dir.resolve("random-bytes.pdf"), noise);
        BufferedImage png = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(png, "png", dir.resolve("picture.pdf").toFile());
        TestPdfs.encrypted(dir.resolve("owner-password.pdf"), "", "owner-secret");
        TestPdfs.encrypted(dir.resolve("user-password.pdf"), "user-secret", "owner-secret");
        TestPdfs.hugePage(dir.resolve("huge page 200in.pdf"), 200, 200);
        TestPdfs.manyPages(nested.resolve("thousand-pages.pdf"), 1000);
        TestPdfs.bornDigital(nested.resolve("Résumé – naïve 文件.pdf"), List.of(TestPdfs.PROSE_LEFT));
        TestPdfs.withEmptyPage(dir.resolve("one-bad-page.pdf"));
        Files.writeString(dir.resolve("notes.txt"), "not a pdf and not named like one: ignored");
        Files.createDirectories(dir.resolve(".hidden"));
        TestPdfs.bornDigital(dir.resolve(".hidden/skipped.pdf"), List.of(TestPdfs.PROSE));
        return Map.ofEntries(
                Map.entry("good.pdf", "ok"),
                Map.entry("zero-bytes.pdf", "empty"),
                Map.entry("truncated.pdf", "failed"),
                Map.entry("random-bytes.pdf", "not_pdf"),
                Map.entry("picture.pdf", "not_pdf"),
                Map.entry("owner-password.pdf", "ok"),
                Map.entry("user-password.pdf", "encrypted"),
                Map.entry("huge page 200in.pdf", "ok"),
                Map.entry("deeply/nested/folder/thousand-pages.pdf", "ok"),
                Map.entry("deeply/nested/folder/Résumé – naïve 文件.pdf", "ok"),
                Map.entry("one-bad-page.pdf", "partial"));
    }
}
