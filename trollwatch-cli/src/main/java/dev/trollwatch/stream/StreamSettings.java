package dev.trollwatch.stream;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a scoring stream reads and writes, and as whom.
 *
 * @param bootstrapServers  {@code HOST:PORT[,HOST:PORT…]}
 * @param inTopic           comments, one JSON object per message
 * @param outTopic          verdicts, one per comment
 * @param deadLetterTopic   messages that could not be scored, with the error in headers
 * @param group             consumer group: instances in one group split the partitions
 * @param transactionalId   this instance's producer identity, stable across restarts (a restart fences the
 *                          crashed instance's open transaction at once); unique per running instance
 * @param clientConfig      extra Kafka client settings (security, tuning) from the {@code --kafka-config} file
 * @param pollTimeout       longest wait for new messages before progress is reported again
 * @param progressInterval  how often progress is reported
 */
public record StreamSettings(String bootstrapServers, String inTopic, String outTopic, String deadLetterTopic,
        String group, String transactionalId, Map<String, String> clientConfig, Duration pollTimeout,
        Duration progressInterval) {

    public StreamSettings {
        require(bootstrapServers, "bootstrap servers");
        require(inTopic, "input topic");
        require(outTopic, "output topic");
        require(deadLetterTopic, "dead-letter topic");
        require(group, "consumer group");
        require(transactionalId, "transactional id");
        requireTopic(inTopic, "input topic");
        requireTopic(outTopic, "output topic");
        requireTopic(deadLetterTopic, "dead-letter topic");
        requireServers(bootstrapServers);
        if (inTopic.equals(outTopic) || inTopic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("the input topic must differ from the output and dead-letter topics");
        }
        clientConfig = Map.copyOf(new TreeMap<>(clientConfig == null ? Map.of() : clientConfig));
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive");
        }
        if (progressInterval == null || progressInterval.isNegative()) {
            throw new IllegalArgumentException("progress interval must not be negative");
        }
    }

    /** Kafka's rule for topic names; a bad one started normally and ended a minute later as "Kafka did not answer". */
    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** host:port, the host a name, an IPv4 address or a bracketed IPv6 one; no scheme, no user. */
    private static final java.util.regex.Pattern SERVER = java.util.regex.Pattern.compile(
            "([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.%]+])(:[0-9]{1,5})");

    private static void requireTopic(String topic, String what) {
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("the " + what + " '" + topic + "' is not a Kafka topic name"
                    + " (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
        }
    }

    private static void requireServers(String servers) {
        for (String server : servers.split(",", -1)) {
            java.util.regex.Matcher m = SERVER.matcher(server.trim());
            int port = m.matches() ? Integer.parseInt(m.group(2).substring(1)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bootstrap server '" + server.trim() + "' is not HOST:PORT"
                        + " (a port 1-65535, no scheme or user: security settings go in --kafka-config)");
            }
        }
    }

    /** The dead-letter topic used when none is named: the input topic's name + {@code -rejected}. */
    public static String defaultDeadLetterTopic(String inTopic) {
        return inTopic + "-rejected";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
