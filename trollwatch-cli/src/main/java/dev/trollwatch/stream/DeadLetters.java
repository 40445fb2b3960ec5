package dev.trollwatch.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A rejected message on the dead-letter topic: its original key, bytes and headers untouched (so it
 * can be fixed and replayed), plus headers saying what was wrong and where it came from.
 */
final class DeadLetters {
    static final String FIELD = "trollwatch.error.field";
    static final String REASON = "trollwatch.error.reason";
    static final String SOURCE_TOPIC = "trollwatch.source.topic";
    static final String SOURCE_PARTITION = "trollwatch.source.partition";
    static final String SOURCE_OFFSET = "trollwatch.source.offset";

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> record(String topic, ConsumerRecord<byte[], byte[]> original, Rejection why) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : original.headers()) {
            headers.add(h);
        }
        if (why.field() != null) {
            headers.add(FIELD, utf8(why.field()));
        }
        headers.add(REASON, utf8(why.reason()));
        headers.add(SOURCE_TOPIC, utf8(original.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(original.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(original.offset())));
        return new ProducerRecord<>(topic, null, original.key(), original.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
