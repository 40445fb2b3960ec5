package dev.trollwatch.spark;

import dev.trollwatch.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code trollwatch-spark --version}: the same build facts as the CLI's, from the core's {@link BuildInfo}. */
public final class SparkVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return BuildInfo.versionLines();
    }
}
