package dev.quire.cli;

import dev.quire.cli.RunOutput.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Subcommands from other modules join {@code quire} through {@link QuireSubcommand} (ServiceLoader). */
class QuireSubcommandTest {
    /** Registered in this module's test resources, as quire serve is in the service's jar. */
    public static final class Greet implements QuireSubcommand {
        @Override
        public Object command() {
            return new GreetCommand();
        }
    }

    @Command(name = "greet", description = "Says hello (a test of the subcommand SPI).")
    static final class GreetCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return 42;
        }
    }

    @Test
    void subcommandsFoundOnTheClassPathAreAddedAfterTheBuiltInOnesAndRun() {
        assertThat(List.copyOf(Quire.commandLine().getSubcommands().keySet()))
                .containsExactly("run", "query", "export", "ocr", "bench", "greet", "help");
        assertThat(Result.of("--help").out()).contains("greet").contains("Says hello");
        assertThat(Result.of("greet").code()).isEqualTo(42);
    }
}
