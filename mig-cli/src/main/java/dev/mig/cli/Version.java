package dev.mig.cli;

import dev.mig.Mig;
import picocli.CommandLine.IVersionProvider;

/** {@code mig --version}: mig's version and the SQLite it embeds. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mig " + Mig.version(), "SQLite " + Mig.sqliteVersion() + " (sqlite-jdbc)"};
    }
}
