package dev.trollwatch.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for reports: thresholds and weights with up to 6 significant digits, no trailing zeros. */
final class Numbers {
    private Numbers() {
    }

    static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
