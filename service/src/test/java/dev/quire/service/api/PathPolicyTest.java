package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PathPolicy} beyond what the HTTP tests cover: URI roots, linked roots, sibling prefixes, link loops. */
class PathPolicyTest {
    @TempDir
    Path dir;

    @Test
    void uriRootsAllowByPrefixAndRefuseDotDot() {
        PathPolicy p = new PathPolicy(List.of("hdfs://nn/corpus/"), List.of("s3a://bucket/out"), dir.resolve("out"));
        assertThat(p.input("hdfs://nn/corpus/2024/a.pdf")).isEqualTo("hdfs://nn/corpus/2024/a.pdf");
        assertThat(p.input("hdfs://nn/corpus/x/./b.pdf")).isEqualTo("hdfs://nn/corpus/x/b.pdf");
        forbidden(() -> p.input("hdfs://nn/corpus/../secret/a.pdf"));
        forbidden(() -> p.input("hdfs://nn/corpus-other/a.pdf"));
        forbidden(() -> p.input("hdfs://other/corpus/a.pdf"));
        assertThat(p.output("s3a://bucket/out/run1", dir.resolve("out"))).isEqualTo("s3a://bucket/out/run1");
        forbidden(() -> p.output("s3a://bucket/outside", dir.resolve("out")));
    }

    @Test
    void siblingWithTheSamePrefixIsOutside() throws IOException {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path sibling = Files.createDirectories(dir.resolve("data2"));
        Files.writeString(sibling.resolve("a.pdf"), "%PDF-");
        PathPolicy p = new PathPolicy(List.of(root.toString()), List.of(), dir.resolve("out"));
        forbidden(() -> p.input(sibling.resolve("a.pdf").toString()));
    }

    @Test
    void aRootThatIsALinkWorksByItsRealPath() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("a.pdf"), "%PDF-");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        PathPolicy p = new PathPolicy(List.of(link.toString()), List.of(), dir.resolve("out"));
        assertThat(p.input(link.resolve("a.pdf").toString())).isEqualTo(real.resolve("a.pdf").toRealPath().toString());
    }

    @Test
    void aDanglingLinkPointingOutsideIsRefusedAndALoopIsABadRequest() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path dangling = Files.createDirectories(root.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("later.pdf"), dir.resolve("elsewhere/later.pdf"));
        Path loop = Files.createDirectories(root.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("again"), loop);
        PathPolicy p = new PathPolicy(List.of(root.toString()), List.of(), dir.resolve("out"));
        forbidden(() -> p.input(dangling.toString()));
        assertThatThrownBy(() -> p.input(loop.toString())).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
    }

    @Test
    void noInputRootsAllowNoPaths() throws IOException {
        Files.writeString(dir.resolve("a.pdf"), "%PDF-");
        PathPolicy p = new PathPolicy(List.of(), List.of(), dir.resolve("out"));
        forbidden(() -> p.input(dir.resolve("a.pdf").toString()));
        assertThat(p.output(null, dir.resolve("out"))).isEqualTo(dir.resolve("out").toString());
    }

    @Test
    void anOutputThatIsAFileIsABadRequest() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("file"), "x");
        PathPolicy p = new PathPolicy(List.of(), List.of(), out);
        assertThatThrownBy(() -> p.output(out.resolve("file").toString(), out))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
    }

    private static void forbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
    }
}
