package dev.trollwatch.cli;

import dev.trollwatch.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version and the git commit it was built from ({@link BuildInfo}). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return BuildInfo.versionLines();
    }
}
