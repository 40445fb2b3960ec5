package dev.trollwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.model.ConfusionMatrix;
import dev.trollwatch.model.EvaluationResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Text on the heatmap reaches 4.5:1 against its cell; bars reach 3:1 against the white page (WCAG 2). */
class ContrastTest {
    private static final Pattern CELL = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"/>\n<text [^>]*class=\"cell-big (light|dark)\"");
    private static final Pattern FILL = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"([^>]*)/>");

    @Test
    void theWcagFormulaGivesTheKnownRatios() {
        assertEquals(21, Rgb.BLACK.contrast(Rgb.WHITE), 1e-9);
        assertEquals(2.42, Rgb.parse("#c9a227").contrast(Rgb.WHITE), 0.01);
        assertEquals("#0072b2", Rgb.parse("#0072b2").hex());
    }

    @Test
    void heatmapTextReachesFourAndAHalfToOneAtEveryShare() {
        // Cells at 56–72 % had white text at 3.1–4.3:1: the ink was chosen by a fixed 55 % cut-off.
        for (int k = 0; k <= 100; k++) {
            ConfusionMatrix m = new ConfusionMatrix(new long[][] {{k, 100 - k, 0}, {0, 100, 0}, {0, 0, 100}});
            Matcher cell = CELL.matcher(ConfusionHeatmap.draw(m));
            int cells = 0;
            while (cell.find()) {
                Rgb ink = cell.group(2).equals("light") ? Rgb.WHITE : Rgb.BLACK;
                double ratio = ink.contrast(Rgb.parse(cell.group(1)));
                assertTrue(ratio >= 4.5, k + " %: " + cell.group(2) + " text on " + cell.group(1) + " is " + ratio + ":1");
                cells++;
            }
            assertEquals(9, cells);
        }
        assertTrue(ReportStyle.CSS.contains("svg .light { fill: #fff; }") && ReportStyle.CSS.contains("svg .dark { fill: #000; }"),
                "the inks are the colours the ratios were computed for");
    }

    @Test
    void barsReachThreeToOneAgainstWhite() {
        // Permutation bars (#c9a227) were 2.42:1, the F1 bars at 50 % opacity about 2:1.
        EvaluationResult e = ReportFixtures.content("2026-12-01T12:00:00Z").eval();
        for (String svg : new String[] {BarCharts.perClass(e.matrix()), ImportanceChart.draw(e.importance(), e.permutation())}) {
            Matcher bar = FILL.matcher(svg);
            int bars = 0;
            while (bar.find()) {
                assertFalse(bar.group(2).contains("opacity"), "no see-through bar: " + bar.group());
                double ratio = Rgb.parse(bar.group(1)).contrast(Rgb.WHITE);
                assertTrue(ratio >= 3, bar.group() + " is " + ratio + ":1");
                bars++;
            }
            assertTrue(bars > 5, svg);
        }
    }
}
