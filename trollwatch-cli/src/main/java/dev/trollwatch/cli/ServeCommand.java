package dev.trollwatch.cli;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.serve.ScoringServer;
import dev.trollwatch.serve.ServeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trollwatch serve}: the scoring HTTP API; runs until SIGTERM/Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Serve a model over HTTP, a drop-in for the 2019 Flask API.",
            "POST / or /predict with one comment as JSON (or an array of them) answers"
                + " {\"prediction\": \"possible bot\", ...}.",
            "\"explain\": true in a comment (or ?explain=1) adds an explanation: the decision path, the leaf's training rows"
                + " and frequencies, and exact Shapley contributions. Probabilities are class-weighted, not leaf frequencies.",
            "GET /health and GET /model describe the server. Stops gracefully on SIGTERM or Ctrl-C (exit 0).",
            "See docs/serve.md."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Model file: BASE.model, BASE.json or BASE.onnx (a bare BASE loads BASE.json).")
    Path model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_BIND,
            description = "Address to listen on. The API has no authentication: keep the loopback default unless"
                    + " a proxy guards it. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads, at most " + ServeOptions.MAX_THREADS + "; 0 = two per core. Default:"
                    + " ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest request body accepted (larger: 413). Default: ${DEFAULT-VALUE}.")
    int maxBodyBytes;

    @Option(names = "--max-body-memory", paramLabel = "N",
            description = "Bytes of request bodies held at once over all connections; past it a request gets 503"
                    + " and may retry. Default: a quarter of the heap (-Xmx).")
    Long maxBodyMemory;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "1000",
            description = "Most comments in one array request. Default: ${DEFAULT-VALUE}.")
    int maxBatch;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM, how long to let requests in flight finish (0: close at once, cutting them off)."
                    + " Default: ${DEFAULT-VALUE}.")
    int shutdownGrace;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest time from a request's first byte to its answer (slower: connection closed)."
                    + " Default: ${DEFAULT-VALUE}.")
    int requestTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a connection may stay silent before it is closed. Default: ${DEFAULT-VALUE}.")
    int idleTimeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        requireRange("--port", port, 0, 65535);
        requireRange("--threads", threads, 0, ServeOptions.MAX_THREADS);
        requireRange("--max-body-bytes", maxBodyBytes, 1, Integer.MAX_VALUE);
        requireRange("--max-batch", maxBatch, 1, Integer.MAX_VALUE);
        requireRange("--shutdown-grace", shutdownGrace, 0, Integer.MAX_VALUE);
        requireRange("--request-timeout", requestTimeout, 1, Integer.MAX_VALUE);
        requireRange("--idle-timeout", idleTimeout, 1, Integer.MAX_VALUE);
        long bodyMemory = bodyMemory();
        ScoringModel scoring = ModelFiles.load(model);
        Featurizer featurizer = new Featurizer(PatternSentiment.shared());
        int workers = threads == 0 ? ServeOptions.defaultThreads() : threads;
        ScoringServer server = ScoringServer.start(scoring, c -> featurizer.featurize(c).values(),
                new ServeOptions(bind, port, workers, maxBodyBytes, maxBatch, Duration.ofSeconds(shutdownGrace),
                        Duration.ofSeconds(requestTimeout), Duration.ofSeconds(idleTimeout), bodyMemory));
        if (LoggingOptions.isQuiet()) {
            // The one line a caller needs (--port 0 picks the port), kept under -q: without it a
            // quiet server cannot be found.
            spec.commandLine().getErr().println("trollwatch serve: listening on " + server.url()
                    + " (model " + server.modelId() + ")");
            spec.commandLine().getErr().flush();
        }
        StopSignals signals = StopSignals.install();
        // Any other way the JVM ends (another signal, System.exit elsewhere) still stops the server first.
        Thread hook = new Thread(server::stop, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String signal = signals.await();
        LOG.info("trollwatch serve: {} received, stopping", signal);
        server.stop();
        return ExitCode.OK;
    }

    /** --max-body-memory, or a quarter of the heap; never less than one body of --max-body-bytes. */
    private long bodyMemory() {
        if (maxBodyMemory != null) {
            if (maxBodyMemory < maxBodyBytes) {
                throw new UsageException("--max-body-memory " + maxBodyMemory + " is less than --max-body-bytes "
                        + maxBodyBytes + ": no body of the largest size could be received");
            }
            return maxBodyMemory;
        }
        long quarter = ServeOptions.defaultBodyMemory();
        if (quarter < maxBodyBytes) {
            throw new UsageException("--max-body-bytes " + maxBodyBytes + " is more than a quarter of the heap ("
                    + quarter + " bytes), the default --max-body-memory: raise the heap (JAVA_OPTS=-Xmx...)"
                    + " or set --max-body-memory");
        }
        return quarter;
    }

    /** A usage error naming the option when {@code value} is outside {@code min..max}. */
    private static void requireRange(String option, int value, int min, int max) {
        if (value < min) {
            throw new UsageException(option + " must be at least " + min + ", got " + value);
        }
        if (value > max) {
            throw new UsageException(option + " must be at most " + max + ", got " + value);
        }
    }
}
