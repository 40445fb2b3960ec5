package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateTest {
    private final ConfusionMatrix m = new ConfusionMatrix(new long[][] {{50, 3, 2}, {10, 300, 15}, {1, 9, 20}});

    @Test
    void perClassSpecsParse() {
        List<QualityGate> g = QualityGate.parsePerClass(QualityGate.Metric.RECALL, "troll=0.7, bot=0.8");
        assertEquals(List.of(new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0.7),
                new QualityGate(QualityGate.Metric.RECALL, Label.BOT, 0.8)), g);
        assertThrows(IllegalArgumentException.class, () -> QualityGate.parsePerClass(QualityGate.Metric.RECALL, "0.7"));
        assertThrows(IllegalArgumentException.class, () -> QualityGate.parsePerClass(QualityGate.Metric.F1, "spam=0.7"));
    }

    @Test
    void aValueJustBelowTheMinimumIsShownWithTheDigitsThatMakeItBelow() {
        ConfusionMatrix m = new ConfusionMatrix(new long[][] {{142, 8, 0}, {0, 0, 0}, {0, 0, 0}}); // accuracy 0.946666…
        double justAbove = 0.9466666666666668;
        assertEquals("quality gate failed: accuracy is 0.9466666666666667, below the minimum 0.946667",
                new QualityGate(QualityGate.Metric.ACCURACY, null, justAbove).check(m), "was 'is 0.9467, below … 0.946667'");
        assertEquals("quality gate failed: accuracy is 0.946667, below the minimum 0.9467",
                new QualityGate(QualityGate.Metric.ACCURACY, null, 0.9467).check(m));
        assertEquals("quality gate failed: accuracy is 0.9467, below the minimum 0.95",
                new QualityGate(QualityGate.Metric.ACCURACY, null, 0.95).check(m));
    }

    @Test
    void onlyFailedGatesAreReported() {
        List<String> f = QualityGate.failures(List.of(
                new QualityGate(QualityGate.Metric.ACCURACY, null, 0.9),
                new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0.7),
                new QualityGate(QualityGate.Metric.PRECISION, Label.BOT, 0.8)), m);
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("recall of troll is 0.6667, below the minimum 0.7"), f.get(0));
    }

    @Test
    void aGateOnAClassTheDataLacksSaysSoRatherThanReportingZero() {
        // no troll row, and no row predicted bot
        ConfusionMatrix noTrolls = new ConfusionMatrix(new long[][] {{0, 5, 0}, {0, 300, 15}, {0, 0, 0}});
        List<String> f = QualityGate.failures(List.of(
                new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0.5),
                new QualityGate(QualityGate.Metric.F1, Label.TROLL, 0.5),
                new QualityGate(QualityGate.Metric.PRECISION, Label.BOT, 0.5),
                new QualityGate(QualityGate.Metric.RECALL, Label.TROLL, 0),
                new QualityGate(QualityGate.Metric.PRECISION, Label.TROLL, 0.5)), noTrolls);
        assertEquals(List.of("quality gate failed: recall of troll cannot be measured: the data has no troll rows",
                "quality gate failed: F1 of troll cannot be measured: the data has no troll rows",
                "quality gate failed: precision of bot cannot be measured: the model predicted no row as bot",
                "quality gate failed: precision of troll is 0.0000, below the minimum 0.5"), f);
    }

    @Test
    void mccAndKappaOnOneClassSayWhyTheyAreZero() {
        ConfusionMatrix onlyNormalRows = new ConfusionMatrix(new long[][] {{0, 0, 0}, {87, 93, 20}, {0, 0, 0}});
        ConfusionMatrix allPredictedNormal = new ConfusionMatrix(new long[][] {{0, 5, 0}, {0, 300, 0}, {0, 9, 0}});
        QualityGate mcc = new QualityGate(QualityGate.Metric.MCC, null, 0.5);
        QualityGate kappa = new QualityGate(QualityGate.Metric.KAPPA, null, 0.5);
        assertEquals("quality gate failed: MCC cannot be measured: the data has rows of one class only", mcc.check(onlyNormalRows));
        assertEquals("quality gate failed: kappa cannot be measured: the data has rows of one class only",
                kappa.check(onlyNormalRows));
        assertEquals("quality gate failed: MCC cannot be measured: the model predicted one class for every row",
                mcc.check(allPredictedNormal));
        assertEquals("quality gate failed: kappa is 0.0000, below the minimum 0.5", kappa.check(allPredictedNormal),
                "kappa is defined there (and 0)");
        String real = new QualityGate(QualityGate.Metric.MCC, null, 0.99).check(m);
        assertTrue(real.contains("MCC is 0.") && real.endsWith("below the minimum 0.99"), "a real MCC is told as before: " + real);
    }
}
