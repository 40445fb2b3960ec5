package dev.trollwatch.cli;

import dev.trollwatch.features.Featurizer;
import dev.trollwatch.features.PatternSentiment;
import dev.trollwatch.modelio.ModelFiles;
import dev.trollwatch.model.ScoringModel;
import dev.trollwatch.stream.KafkaClientConfig;
import dev.trollwatch.stream.ScoringStream;
import dev.trollwatch.stream.StreamListener;
import dev.trollwatch.stream.StreamProgress;
import dev.trollwatch.stream.StreamSettings;
import dev.trollwatch.stream.ExplanationAnnotator;
import dev.trollwatch.stream.VerdictAnnotator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trollwatch stream}: score a Kafka topic of comments into a topic of verdicts until SIGTERM. */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Score the live comment stream on Kafka: one JSON comment per message in, one JSON verdict per"
                + " message out (\"prediction\", \"class\", \"probabilities\", model id), exactly once.",
            "Messages that cannot be scored go to the dead-letter topic with the error in headers.",
            "Runs until SIGTERM/Ctrl-C, then commits the batch in hand and exits 0. Progress on stderr.",
            "Security settings (TLS, SASL) go in --kafka-config, never on the command line. See docs/stream.md."})
public final class StreamCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Model file: BASE.model, BASE.json or BASE.onnx (a bare BASE loads BASE.json).")
    Path model;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to first.")
    String bootstrapServers;

    @Option(names = "--in-topic", required = true, paramLabel = "TOPIC", description = "Topic of comments.")
    String inTopic;

    @Option(names = "--out-topic", required = true, paramLabel = "TOPIC", description = "Topic for verdicts.")
    String outTopic;

    @Option(names = "--group", paramLabel = "ID", defaultValue = "trollwatch",
            description = "Consumer group; instances in one group split the partitions. Default: ${DEFAULT-VALUE}.")
    String group;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            description = "Topic for messages that cannot be scored. Default: the input topic + '-rejected'.")
    String deadLetterTopic;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client settings (Java properties): security.protocol, ssl.*, sasl.*, tuning;"
                    + " a consumer. or producer. prefix applies to that client only. Secrets are never logged.")
    Path kafkaConfig;

    @Option(names = "--transactional-id", paramLabel = "ID",
            description = "This instance's producer id: unique per running instance, the same across its restarts"
                    + " (a restart then fences the crashed run at once). Default: trollwatch-GROUP-HOSTNAME.")
    String transactionalId;

    @Option(names = "--explain",
            description = "Add an explanation to every verdict: the decision path, the leaf's training rows and"
                    + " frequencies, exact Shapley contributions (as serve's \"explain\": true). Probabilities are"
                    + " class-weighted, not leaf frequencies.")
    boolean explain;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between progress lines on stderr. Default: ${DEFAULT-VALUE}.")
    int progressSeconds;

    @Override
    public Integer call() throws IOException {
        if (progressSeconds < 1) {
            throw new UsageException("--progress-interval must be at least 1 second");
        }
        Map<String, String> clientConfig = kafkaConfig == null ? Map.of() : KafkaClientConfig.load(kafkaConfig);
        StreamSettings settings;
        try {
            settings = new StreamSettings(bootstrapServers, inTopic, outTopic,
                    deadLetterTopic != null ? deadLetterTopic : StreamSettings.defaultDeadLetterTopic(inTopic), group,
                    transactionalId != null ? transactionalId : "trollwatch-" + group + "-" + hostName(), clientConfig,
                    Duration.ofMillis(500), Duration.ofSeconds(progressSeconds));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ScoringModel scoring = ModelFiles.load(model);
        LOG.info("stream: model {} from {}", scoring.modelId(), model);
        ScoringStream stream = new ScoringStream(settings, scoring, new Featurizer(PatternSentiment.shared()),
                explain ? new ExplanationAnnotator(scoring) : VerdictAnnotator.NONE, new ProgressLines());
        StopSignals.onTermOrInt(stream::stop);
        stream.run();
        return ExitCode.OK;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** One progress line on stderr per report; silent under --quiet. */
    private static final class ProgressLines implements StreamListener {
        @Override
        public void progress(StreamProgress p) {
            if (!LoggingOptions.isQuiet()) {
                System.err.printf(Locale.ROOT, "stream: %,d verdicts, %,d rejected, %,.0f msg/s, lag %s, %d partition(s)%n",
                        p.verdicts(), p.rejected(), p.perSecond(), p.lag() < 0 ? "?" : String.format(Locale.ROOT, "%,d", p.lag()),
                        p.partitions());
            }
        }
    }
}
