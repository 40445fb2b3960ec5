package dev.trollwatch.stream;

import dev.trollwatch.fuzz.BoundedRun;
import dev.trollwatch.fuzz.FuzzTally;
import dev.trollwatch.fuzz.MutatedSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the decoding of Kafka messages ({@link CommentMessages}) with mutated producer-shaped
 * comments. Property: every message becomes a comment or a rejection (which the stream
 * dead-letters) within 5 s; never an exception — one stopped {@code stream}, and a restart read
 * the same message again. {@code scripts/fuzz messages} runs 100,000.
 */
class CommentMessageFuzzTest {
    private static final FuzzTally TALLY = new FuzzTally("messages");
    private static final List<byte[]> SEEDS = seeds();
    private static final BoundedRun RUN = new BoundedRun();

    @AfterContainer
    static void report() {
        RUN.close();
        TALLY.report();
    }

    @Property
    void everyMutatedMessageIsACommentOrARejection(@ForAll("inputs") MutatedSeed input) throws Exception {
        TALLY.input();
        byte[] value = input.apply(SEEDS);
        CommentMessages.Decoded[] decoded = new CommentMessages.Decoded[1];
        Throwable t = RUN.run(() -> decoded[0] = CommentMessages.decode(value), 5);
        TALLY.judge(t, "returned", "unexpected refusal");
        if ((decoded[0].comment() == null) == (decoded[0].rejection() == null)) {
            TALLY.crash();
            throw new AssertionError("neither or both of a comment and a rejection: " + decoded[0]);
        }
        TALLY.outcome(decoded[0].comment() != null ? "comment" : "rejected");
    }

    @Provide
    Arbitrary<MutatedSeed> inputs() {
        return MutatedSeed.over(SEEDS.size());
    }

    private static List<byte[]> seeds() {
        try {
            return ProducerShapedComments.generate(40, 7).json().stream()
                    .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
