package dev.quire.service.cli;

import dev.quire.cli.QuireSubcommand;

/** Registers {@code quire serve} with the {@code quire} command (found through {@link java.util.ServiceLoader}). */
public final class ServeSubcommand implements QuireSubcommand {
    @Override
    public Object command() {
        return new ServeCommand();
    }
}
