package dev.trollwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trollwatch.features.Label;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // rows = true bot/normal/troll, columns = predicted; reference values computed independently
    // (MCC from the covariance definition, kappa from weighted disagreement).
    private final ConfusionMatrix m = new ConfusionMatrix(new long[][] {{50, 3, 2}, {10, 300, 15}, {1, 9, 20}});

    @Test
    void accuracyPrecisionRecallF1() {
        assertEquals(0.9024390243902439, m.accuracy(), 1e-12);
        assertEquals(0.819672131147541, m.precision(Label.BOT), 1e-12);
        assertEquals(0.9230769230769231, m.recall(Label.NORMAL), 1e-12);
        assertEquals(0.5970149253731343, m.f1(Label.TROLL), 1e-12);
        assertEquals(0.8003330395066297, m.macro(m::f1), 1e-12);
        assertEquals(0.9059675362054491, m.weighted(m::f1), 1e-12);
        assertEquals(325, m.support(Label.NORMAL));
        assertEquals(37, m.predicted(Label.TROLL));
    }

    @Test
    void multiclassMccIsGorodkinsRk() {
        assertEquals(0.7392026324285724, m.mcc(), 1e-12);
    }

    @Test
    void cohensKappa() {
        assertEquals(0.7364826865911465, m.kappa(), 1e-12);
    }

    @Test
    void degenerateMatricesGiveZeroNotNaN() {
        ConfusionMatrix constant = new ConfusionMatrix(new long[][] {{0, 5, 0}, {0, 90, 0}, {0, 5, 0}});
        assertEquals(0, constant.mcc());
        assertEquals(0, constant.kappa());
        assertEquals(0, constant.precision(Label.BOT));
        assertEquals(0, ConfusionMatrix.empty().accuracy());
    }

    @Test
    void perfectPredictionsGiveOne() {
        ConfusionMatrix perfect = new ConfusionMatrix(new long[][] {{5, 0, 0}, {0, 9, 0}, {0, 0, 2}});
        assertEquals(1.0, perfect.mcc(), 1e-12);
        assertEquals(1.0, perfect.kappa(), 1e-12);
    }
}
