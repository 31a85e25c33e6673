package dev.quire.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputFilesTest {
    @Test
    void directoriesContributeTheirPdfsRecursivelyAndFilesAreKeptAsGiven(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("in/sub"));
        Files.createDirectories(dir.resolve("in/.hidden"));
        Files.writeString(dir.resolve("in/b.pdf"), "x");
        Files.writeString(dir.resolve("in/sub/A.PDF"), "x");
        Files.writeString(dir.resolve("in/notes.txt"), "x");
        Files.writeString(dir.resolve("in/.secret.pdf"), "x");
        Files.writeString(dir.resolve("in/.hidden/c.pdf"), "x");
        Files.writeString(dir.resolve("loose.bin"), "x");
        List<Path> files = InputFiles.expand(List.of(dir.resolve("loose.bin"), dir.resolve("in")));
        assertThat(files).containsExactly(dir.resolve("loose.bin"), dir.resolve("in/b.pdf"), dir.resolve("in/sub/A.PDF"));
    }
}
