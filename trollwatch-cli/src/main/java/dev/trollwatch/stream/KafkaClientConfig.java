package dev.trollwatch.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code --kafka-config} file: Kafka client settings in Java properties syntax — security
 * ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) and tuning. Secrets live only there,
 * never on the command line, and are never logged ({@link #redacted}). Settings the stream owns
 * (where to connect, the group, transactions, isolation, serializers) are refused, so the file
 * cannot silently weaken exactly-once delivery.
 */
public final class KafkaClientConfig {
    /** Settings the stream sets itself, with what to use instead. */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "use --bootstrap-servers"),
            Map.entry(ConsumerConfig.GROUP_ID_CONFIG, "use --group"),
            Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "use --transactional-id"),
            Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "the stream always reads read_committed"),
            Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "offsets are committed in the producer's transaction"),
            Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "transactions need idempotence"),
            Map.entry(ProducerConfig.ACKS_CONFIG, "transactions need acks=all"),
            Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "messages are read as bytes"),
            Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "messages are read as bytes"),
            Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "verdicts are written as bytes"),
            Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "verdicts are written as bytes"));

    /** The longest configuration file read: real ones are a few KB, with inline certificates tens. */
    public static final int MAX_BYTES = 1 << 20;
    private static final String CONSUMER_PREFIX = "consumer.";
    private static final String PRODUCER_PREFIX = "producer.";
    private static final String CONFIG_PROVIDERS = "config.providers";

    private KafkaClientConfig() {
    }

    /**
     * Reads a properties file (ISO-8859-1 with {@code \}u escapes, as Kafka's own tools read them) and
     * checks it. A FIFO works ({@code --kafka-config <(vault ...)} keeps secrets off the disk); any
     * input is read to {@link #MAX_BYTES} and no further (/dev/zero ran the JVM out of memory).
     */
    public static Map<String, String> load(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new StreamException(file + ": more than " + MAX_BYTES + " bytes; that is no client configuration");
        }
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes));
        } catch (IllegalArgumentException e) { // a malformed unicode escape: a bad file, not a bug
            throw new StreamException(file + ": not a properties file: " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k.trim(), p.getProperty(k).trim()));
        check(settings, file.toString());
        return settings;
    }

    /**
     * Refuses settings the stream owns and names no Kafka client knows. A {@code consumer.} or
     * {@code producer.} prefix applies a setting to that client only.
     */
    static void check(Map<String, String> settings, String source) {
        for (String key : settings.keySet()) {
            String bare = unprefixed(key);
            String owned = OWNED.get(bare);
            if (owned != null) {
                throw new StreamException(source + ": " + key + " cannot be set here (" + owned + ")");
            }
            boolean consumer = !key.startsWith(PRODUCER_PREFIX) && knownTo(ConsumerConfig.configNames(), bare);
            boolean producer = !key.startsWith(CONSUMER_PREFIX) && knownTo(ProducerConfig.configNames(), bare);
            if (!consumer && !producer) {
                throw new StreamException(source + ": " + key + " is not a Kafka "
                        + (key.startsWith(CONSUMER_PREFIX) ? "consumer" : key.startsWith(PRODUCER_PREFIX) ? "producer"
                        : "consumer or producer") + " setting");
            }
        }
    }

    /** The settings that apply to the consumer (prefix removed); {@code consumer.x} wins over {@code x}. */
    static Map<String, Object> forConsumer(Map<String, String> settings) {
        return forClient(settings, ConsumerConfig.configNames(), CONSUMER_PREFIX, PRODUCER_PREFIX);
    }

    /** The settings that apply to the producer (prefix removed); {@code producer.x} wins over {@code x}. */
    static Map<String, Object> forProducer(Map<String, String> settings) {
        return forClient(settings, ProducerConfig.configNames(), PRODUCER_PREFIX, CONSUMER_PREFIX);
    }

    /** {@code key=value} pairs for a log line, with every secret shown as {@code [hidden]}. */
    public static String redacted(Map<String, ?> settings) {
        return new TreeMap<>(settings).entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "[hidden]" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Passwords, keys, JAAS configs (which embed credentials), tokens and secrets. */
    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key") || k.contains("user.info");
    }

    private static Map<String, Object> forClient(Map<String, String> settings, Set<String> known, String own,
            String other) {
        Map<String, Object> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (!k.startsWith(own) && !k.startsWith(other) && knownTo(known, k)) {
                out.put(k, v);
            }
        });
        settings.forEach((k, v) -> {
            if (k.startsWith(own)) {
                out.put(k.substring(own.length()), v);
            }
        });
        return out;
    }

    private static boolean knownTo(Set<String> known, String key) {
        return known.contains(key) || key.startsWith(CONFIG_PROVIDERS);
    }

    private static String unprefixed(String key) {
        if (key.startsWith(CONSUMER_PREFIX)) {
            return key.substring(CONSUMER_PREFIX.length());
        }
        return key.startsWith(PRODUCER_PREFIX) ? key.substring(PRODUCER_PREFIX.length()) : key;
    }
}
