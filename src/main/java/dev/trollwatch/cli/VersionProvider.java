package dev.trollwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version and the git commit it was built from (filtered in at build time). */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "/trollwatch-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"trollwatch " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    /** Version facts baked into the jar. */
    public static final class BuildInfo {
        private static final Properties PROPS = load();

        private BuildInfo() {
        }

        public static String version() {
            return PROPS.getProperty("version", "unknown");
        }

        public static String commit() {
            String commit = PROPS.getProperty("commit", "");
            if (commit.isEmpty() || commit.startsWith("${")) {
                return "unknown";
            }
            return "true".equals(PROPS.getProperty("dirty")) ? commit + "-dirty" : commit;
        }

        private static Properties load() {
            Properties p = new Properties();
            try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // A jar without build info still runs; --version then says "unknown".
            }
            return p;
        }
    }
}
