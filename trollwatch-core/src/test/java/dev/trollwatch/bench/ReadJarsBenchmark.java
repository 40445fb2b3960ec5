package dev.trollwatch.bench;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reading CPU of two builds in one JVM (docs/benchmarks.md, "Reading, issue 13 third pass"): each
 * {@code trollwatch.jar} gets its own class loader, and full passes through {@code CommentReaders.open}
 * alternate A B A B after one warm-up pass each, so both sides see the same machine at the same
 * time. Reports this thread's CPU time per row (gunzip included), min and median per side, and the
 * median of the B/A ratios of the rounds. Usage: {@code ReadJarsBenchmark DUMP ROUNDS JAR_A JAR_B}.
 */
public final class ReadJarsBenchmark {
    private ReadJarsBenchmark() {
    }

    /** One build's entry points, found by name so that any build of the reader can be loaded. */
    private record Build(String jar, Method open, Object failPolicy, Method recentComments) {
        static Build load(String jar) throws ReflectiveOperationException, java.net.MalformedURLException {
            ClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> readers = loader.loadClass("dev.trollwatch.io.dump.CommentReaders");
            Class<?> format = loader.loadClass("dev.trollwatch.io.dump.InputFormat");
            Class<?> policy = loader.loadClass("dev.trollwatch.io.dump.ErrorPolicy");
            Method open = readers.getMethod("open", InputStream.class, String.class, format, policy);
            Method recent = loader.loadClass("dev.trollwatch.comment.Comment").getMethod("recentComments");
            return new Build(jar, open, policy.getField("FAIL").get(null), recent);
        }

        /** CPU µs per row of one full pass. */
        double pass(String dump) throws Exception {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long rows = 0;
            long recent = 0;
            try (InputStream in = new FileInputStream(dump)) {
                Iterator<?> reader = (Iterator<?>) open.invoke(null, in, dump, null, failPolicy);
                try (AutoCloseable closing = (AutoCloseable) reader) {
                    while (reader.hasNext()) {
                        recent += ((List<?>) recentComments.invoke(reader.next())).size();
                        rows++;
                    }
                }
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / rows;
            System.out.printf(Locale.ROOT, "%s: %,d rows (%,d recent), %.2f µs CPU per row%n", jar, rows, recent, micros);
            return micros;
        }
    }

    public static void main(String[] args) throws Exception {
        String dump = args[0];
        int rounds = Integer.parseInt(args[1]);
        Build a = Build.load(args[2]);
        Build b = Build.load(args[3]);
        a.pass(dump); // warm-up
        b.pass(dump);
        List<Double> as = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            as.add(a.pass(dump));
            bs.add(b.pass(dump));
            ratios.add(bs.get(i) / as.get(i));
        }
        summary("A", as);
        summary("B", bs);
        Collections.sort(ratios);
        StringBuilder each = new StringBuilder();
        for (double r : ratios) {
            each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", r));
        }
        System.out.printf(Locale.ROOT, "B/A per round, sorted: %s; median %.3f%n", each, ratios.get(rounds / 2));
    }

    private static void summary(String side, List<Double> micros) {
        List<Double> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: min %.2f, median %.2f µs CPU per row%n",
                side, sorted.get(0), sorted.get(sorted.size() / 2));
    }
}
