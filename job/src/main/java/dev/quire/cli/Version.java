package dev.quire.cli;

import picocli.CommandLine;

/** Prints the build's version (from the jar manifest when packaged). */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"quire " + (v == null ? "development build" : v)};
    }
}
