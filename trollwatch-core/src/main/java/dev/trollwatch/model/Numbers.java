package dev.trollwatch.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Number formatting for reports and explanations: thresholds and weights with up to 6 significant
 * digits, no trailing zeros; scientific notation past 1e15 and below 1e-6.
 */
public final class Numbers {
    private Numbers() {
    }

    /** A count with thousands separators and its noun, singular for one: {@code 1 leaf}, {@code 8,000 rows}. */
    public static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    public static String compact(double v) {
        return significant(v, 6);
    }

    /**
     * {@code value} and {@code threshold} with 6 significant digits, or as many more as it takes to
     * tell them apart: a value of 361.00001 against the threshold 361 read "361 > 361".
     */
    public static String[] apart(double value, double threshold) {
        for (int digits = 6; digits < 17; digits++) {
            String v = significant(value, digits);
            String t = significant(threshold, digits);
            if (!v.equals(t) || value == threshold) {
                return new String[] {v, t};
            }
        }
        return new String[] {significant(value, 17), significant(threshold, 17)};
    }

    private static String significant(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        // plain digits for everyday magnitudes; 1e308 was 309 digits long
        return magnitude >= 1e15 || magnitude < 1e-6 ? rounded.toString() : rounded.toPlainString();
    }
}
