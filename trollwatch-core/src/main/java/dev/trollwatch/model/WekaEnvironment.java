package dev.trollwatch.model;

import java.nio.file.Path;

/**
 * Weka reads these system properties when its classes load: set them first so that it neither
 * scans for packages, nor prints ARPACK/netlib warnings, nor writes {@code ~/wekafiles}. The
 * classes through which trollwatch reaches Weka ({@link WekaData}, {@link Trainer},
 * {@code modelio.WekaModelFile}) call {@link #configure()} when they initialise, so every caller of
 * the model code gets this environment, not only the command line. A property already set (e.g.
 * with {@code -D}) is kept.
 */
public final class WekaEnvironment {
    private static volatile boolean configured;

    private WekaEnvironment() {
    }

    /** Idempotent; call before the first Weka class is touched. */
    public static void configure() {
        if (configured) {
            return;
        }
        setIfAbsent("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
        setIfAbsent("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        setIfAbsent("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        setIfAbsent("weka.packageManager.loadPackages", "false");
        setIfAbsent("weka.packageManager.offline", "true");
        setIfAbsent("weka.core.logging.Logger", "weka.core.logging.ConsoleLogger");
        if (System.getenv("WEKA_HOME") == null) {
            setIfAbsent("WEKA_HOME", Path.of(System.getProperty("java.io.tmpdir"), "trollwatch-weka").toString());
        }
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
