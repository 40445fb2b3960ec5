package dev.trollwatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit this build of trollwatch was made from, filtered into
 * {@code trollwatch-version.properties} at build time. Here in the core so every front end (the
 * CLI, the Spark jobs) and the model files' provenance read the same facts.
 */
public final class BuildInfo {
    private static final String RESOURCE = "/trollwatch-version.properties";
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

    /** What {@code --version} prints: this build and the Java it runs on. */
    public static String[] versionLines() {
        return new String[] {"trollwatch " + version() + " (commit " + commit() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A jar without build info still runs; --version then says "unknown".
        }
        return p;
    }
}
