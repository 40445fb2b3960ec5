package dev.trollwatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownBotsTest {
    private static FeatureRow row(String author, Label label) {
        return new FeatureRow(author, "t3_x", 1.0, new double[FeatureSchema.SIZE], label);
    }

    @Test
    void everyRowOfAnAuthorWithABotRowBecomesBotAndIsCounted() {
        List<FeatureRow> rows = List.of(row("b", Label.NORMAL), row("a", Label.NORMAL), row("b", Label.BOT),
                row("b", Label.TROLL), row("c", Label.TROLL));
        KnownBots.Relabelled r = KnownBots.relabel(rows);
        assertEquals(List.of(Label.BOT, Label.NORMAL, Label.BOT, Label.BOT, Label.TROLL),
                r.rows().stream().map(FeatureRow::label).toList());
        assertEquals(2, r.changed());
        assertEquals("b", r.rows().get(0).author());
    }
}
