package dev.trollwatch.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class FeaturesCsvWriterTest {
    private static double[] values(double first) {
        double[] v = new double[FeatureSchema.SIZE];
        v[0] = first;
        return v;
    }

    @Test
    void headerIsKeyThenTheTwentyFeaturesThenTarget() throws IOException {
        StringWriter s = new StringWriter();
        new FeaturesCsvWriter(s).flush();
        assertEquals("author,link_id,created_utc," + String.join(",", FeatureSchema.NAMES) + ",target\n", s.toString());
    }

    @Test
    void writesIntegralValuesWithoutFractionAndOthersAsPlainDecimals() {
        assertEquals("1", FeaturesCsvWriter.formatNumber(1.0));
        assertEquals("0", FeaturesCsvWriter.formatNumber(0.0));
        assertEquals("1545170506", FeaturesCsvWriter.formatNumber(1545170506.0));
        assertEquals("-7", FeaturesCsvWriter.formatNumber(-7.0));
        assertEquals("0.22754903731260923", FeaturesCsvWriter.formatNumber(0.22754903731260923));
        assertEquals("0.0001", FeaturesCsvWriter.formatNumber(1e-4));
        assertEquals("12345678.5", FeaturesCsvWriter.formatNumber(12345678.5));
        assertEquals("10000000000000000", FeaturesCsvWriter.formatNumber(1e16));
    }

    @Test
    void everyNumberParsesBackToTheIdenticalDouble() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-30, 30));
                case 2 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextInt(-1000, 1000) / 7.0;
            };
            if (Double.isNaN(v)) {
                continue;
            }
            String s = FeaturesCsvWriter.formatNumber(v);
            assertFalse(s.contains("E"), s);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(s)), s);
        }
    }

    @Test
    void quotesTextOnlyWhenNeededAndWritesNullsAsEmptyFields() throws IOException {
        StringWriter s = new StringWriter();
        try (FeaturesCsvWriter w = new FeaturesCsvWriter(s)) {
            w.write(new FeatureRow("a,\"b\"", "t3_x", 12.0, values(1), Label.TROLL));
            w.write(new FeatureRow(null, "", Double.NaN, values(0.5), null));
            assertEquals(2, w.rows());
        }
        List<CSVRecord> rec = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(s.toString())).getRecords();
        assertEquals("a,\"b\"", rec.get(0).get("author"));
        assertEquals("12", rec.get(0).get("created_utc"));
        assertEquals("1", rec.get(0).get("no_follow"));
        assertEquals("troll", rec.get(0).get("target"));
        assertEquals("", rec.get(1).get("author"));
        assertEquals("0.5", rec.get(1).get("no_follow"));
        assertEquals("", rec.get(1).get("target"));
        String second = s.toString().split("\n")[2];
        assertTrue(second.startsWith(",\"\",,0.5,0,"), second);
    }
}
