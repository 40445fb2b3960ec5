package dev.trollwatch.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for reports and explanations: thresholds and weights with up to 6 significant digits, no trailing zeros. */
public final class Numbers {
    private Numbers() {
    }

    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
