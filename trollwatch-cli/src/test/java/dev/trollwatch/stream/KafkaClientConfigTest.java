package dev.trollwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --kafka-config file: Heroku-style TLS and SASL settings load; secrets never show; owned settings are refused. */
class KafkaClientConfigTest {
    @Test
    void secretsAreHiddenWhenTheSettingsAreLogged(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("client.properties");
        Files.writeString(f, String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"pw-jaas\";",
                "ssl.keystore.type=PEM",
                "ssl.keystore.key=-----BEGIN PRIVATE KEY-----\\nMIIpem-key\\n-----END PRIVATE KEY-----",
                "ssl.keystore.certificate.chain=-----BEGIN CERTIFICATE-----\\nMIIcert\\n-----END CERTIFICATE-----",
                "ssl.key.password=pw-key",
                "ssl.truststore.password=pw-trust",
                "sasl.oauthbearer.client.credentials.client.secret=pw-oauth",
                "ssl.endpoint.identification.algorithm=",
                ""));
        Map<String, String> settings = KafkaClientConfig.load(f);
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        String logged = KafkaClientConfig.redacted(settings);
        for (String secret : new String[] {"pw-jaas", "MIIpem-key", "pw-key", "pw-trust", "pw-oauth"}) {
            assertFalse(logged.contains(secret), secret + " in " + logged);
        }
        assertTrue(logged.contains("sasl.jaas.config=[hidden]"), logged);
        assertTrue(logged.contains("ssl.keystore.key=[hidden]"), logged);
        assertTrue(logged.contains("security.protocol=SASL_SSL"), logged);
        assertTrue(logged.contains("ssl.keystore.certificate.chain=-----BEGIN CERTIFICATE-----"), "certificates are public: " + logged);
    }

    @Test
    void anEndlessFileIsReadOnlyToTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "skipped: no /dev/zero on this system");
        StreamException e = assertThrows(StreamException.class, () -> KafkaClientConfig.load(zero));
        assertEquals("/dev/zero: more than 1048576 bytes; that is no client configuration", e.getMessage());
    }

    @Test
    void aFifoIsRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("client.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "skipped: no mkfifo");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "security.protocol=SSL\nssl.key.password=s3cret\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        Map<String, String> settings = KafkaClientConfig.load(fifo);
        writer.join();
        assertEquals(Map.of("security.protocol", "SSL", "ssl.key.password", "s3cret"), settings);
    }

    @Test
    void prefixesTargetOneClientAndSharedSettingsGoToBoth() {
        Map<String, String> settings = Map.of("security.protocol", "SSL", "consumer.max.poll.records", "50",
                "producer.linger.ms", "20", "max.poll.records", "10", "compression.type", "zstd");
        KafkaClientConfig.check(settings, "f");
        Map<String, Object> consumer = KafkaClientConfig.forConsumer(settings);
        Map<String, Object> producer = KafkaClientConfig.forProducer(settings);
        assertEquals("SSL", consumer.get("security.protocol"));
        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("50", consumer.get("max.poll.records"), "consumer.x wins over x");
        assertFalse(consumer.containsKey("linger.ms"));
        assertFalse(consumer.containsKey("compression.type"), "producer-only setting kept from the consumer");
        assertEquals("20", producer.get("linger.ms"));
        assertEquals("zstd", producer.get("compression.type"));
        assertFalse(producer.containsKey("max.poll.records"));
    }

    @Test
    void settingsTheStreamOwnsAndUnknownNamesAreRefused() {
        for (String owned : new String[] {"bootstrap.servers", "group.id", "transactional.id", "isolation.level",
            "enable.auto.commit", "consumer.isolation.level", "producer.enable.idempotence", "acks"}) {
            StreamException e = assertThrows(StreamException.class, () -> KafkaClientConfig.check(Map.of(owned, "x"), "f"));
            assertTrue(e.getMessage().startsWith("f: " + owned + " cannot be set here"), e.getMessage());
        }
        StreamException e = assertThrows(StreamException.class,
                () -> KafkaClientConfig.check(Map.of("producer.max.poll.records", "1"), "f"));
        assertEquals("f: producer.max.poll.records is not a Kafka producer setting", e.getMessage());
    }
}
