package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.TrollwatchException;
import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataPreparationAndSplitTest {
    private static FeatureRow row(String author, String link, double t, Label l) {
        return new FeatureRow(author, link, t, new double[20], l);
    }

    @Test
    void duplicatesAreDroppedKeepingTheFirst() {
        List<FeatureRow> in = List.of(row("a", "t3_1", 1, Label.NORMAL), row("a", "t3_1", 1, Label.TROLL), row("a", "t3_1", 2, Label.NORMAL));
        PreparedData p = DataPreparation.prepare(in, false);
        assertEquals(3, p.rowsRead());
        assertEquals(1, p.duplicatesDropped());
        assertEquals(2, p.rows().size());
        assertEquals(Label.NORMAL, p.rows().get(0).label());
    }

    @Test
    void rowsOfKnownBotsAreRelabelledUnlessTurnedOff() {
        List<FeatureRow> in = List.of(row("b", "t3_1", 1, Label.NORMAL), row("b", "t3_2", 2, Label.BOT),
                row("b", "t3_3", 3, Label.TROLL), row("c", "t3_1", 1, Label.NORMAL));
        PreparedData p = DataPreparation.prepare(in, true);
        assertEquals(2, p.relabelled());
        assertEquals(3, p.rows().stream().filter(r -> r.label() == Label.BOT).count());
        PreparedData off = DataPreparation.prepare(in, false);
        assertEquals(0, off.relabelled());
        assertEquals(1, off.rows().stream().filter(r -> r.label() == Label.BOT).count());
    }

    @Test
    void unlabelledRowsAreRefused() {
        assertThrows(TrollwatchException.class, () -> DataPreparation.prepare(List.of(row("a", "x", 1, null)), true));
    }

    @Test
    void stratifiedHoldOutKeepsClassSharesAndPartitions() {
        List<FeatureRow> rows = DataPreparation.prepare(SyntheticFeatures.generate(5000, 4), true).rows();
        DataSplit s = DataSplitter.holdOut(rows, 0.3, 16, true);
        assertEquals(rows.size(), s.train().size() + s.test().size());
        Set<FeatureRow> seen = new HashSet<>(s.train());
        s.test().forEach(r -> assertTrue(seen.add(r), "row in both sets"));
        for (Label l : Label.values()) {
            long all = rows.stream().filter(r -> r.label() == l).count();
            long test = s.test().stream().filter(r -> r.label() == l).count();
            assertEquals(Math.round(all * 0.3), test, l.text());
        }
    }

    @Test
    void splitsDependOnlyOnTheSeed() {
        List<FeatureRow> rows = DataPreparation.prepare(SyntheticFeatures.generate(2000, 4), true).rows();
        assertEquals(DataSplitter.holdOut(rows, 0.3, 16, true), DataSplitter.holdOut(rows, 0.3, 16, true));
        assertNotEquals(DataSplitter.holdOut(rows, 0.3, 16, true).test(), DataSplitter.holdOut(rows, 0.3, 17, true).test());
        assertEquals(DataSplitter.holdOut(rows, 0.3, 5, false), DataSplitter.holdOut(rows, 0.3, 5, false));
    }

    @Test
    void foldsPartitionTheRowsWithBalancedSizes() {
        List<FeatureRow> rows = DataPreparation.prepare(SyntheticFeatures.generate(2003, 4), true).rows();
        List<DataSplit> folds = DataSplitter.folds(rows, 5, 16);
        List<FeatureRow> allTest = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (DataSplit f : folds) {
            allTest.addAll(f.test());
            assertEquals(rows.size(), f.train().size() + f.test().size());
            min = Math.min(min, f.test().size());
            max = Math.max(max, f.test().size());
        }
        assertEquals(rows.size(), allTest.size());
        assertEquals(rows.size(), new HashSet<>(allTest).size());
        assertTrue(max - min <= 1, min + ".." + max);
    }
}
