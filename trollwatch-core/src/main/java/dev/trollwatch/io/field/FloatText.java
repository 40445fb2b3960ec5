package dev.trollwatch.io.field;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Text for float8 values exactly as the two producers of our dumps print them: Python's
 * {@code repr(float)} (CSV, JSON, JSON Lines) and PostgreSQL's float8 output (psql). Both print
 * the shortest decimal that reads back as the same double; they differ in layout only
 * ({@code 917.0} vs {@code 917}, {@code 1e+16} vs {@code 1e+16}, {@code 1e-05} in both).
 *
 * <p>Java 17's {@link Double#toString} is neither shortest in every case nor laid out like Python
 * ({@code 1.0E7} vs {@code 10000000.0}), hence this class.
 */
public final class FloatText {
    /** Integral values below this are printed directly from their long value (the common case). */
    private static final double EXACT_LONG_LIMIT = 1e15;

    private FloatText() {
    }

    /** Appends {@code repr(x)} of Python 3: {@code 917.0}, {@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code nan}, {@code inf}. */
    public static void appendPython(StringBuilder sb, double x) {
        if (Double.isNaN(x)) {
            sb.append("nan");
            return;
        }
        if (Double.isInfinite(x)) {
            sb.append(x > 0 ? "inf" : "-inf");
            return;
        }
        if (x == Math.rint(x) && Math.abs(x) < EXACT_LONG_LIMIT) {
            if (x == 0 && 1 / x < 0) {
                sb.append('-');
            }
            sb.append((long) x).append(".0");
            return;
        }
        Shortest s = Shortest.of(x);
        // Python's float_repr_style 'short': fixed notation when -4 <= exponent < 16.
        int exp = s.pointPosition - 1;
        if (exp >= -4 && exp < 16) {
            appendFixed(sb, s, true);
        } else {
            appendScientific(sb, s);
        }
    }

    /** Appends the float8 output of PostgreSQL 12+ (extra_float_digits = 1): {@code 917}, {@code 0.1}, {@code 1e+15}, {@code NaN}. */
    public static void appendPostgres(StringBuilder sb, double x) {
        if (Double.isNaN(x)) {
            sb.append("NaN");
            return;
        }
        if (Double.isInfinite(x)) {
            sb.append(x > 0 ? "Infinity" : "-Infinity");
            return;
        }
        if (x == Math.rint(x) && Math.abs(x) < EXACT_LONG_LIMIT) {
            if (x == 0 && 1 / x < 0) {
                sb.append('-');
            }
            sb.append((long) x);
            return;
        }
        Shortest s = Shortest.of(x);
        // PostgreSQL's Ryu output: fixed notation when -4 <= exponent < 15 (DBL_DIG), like printf %g.
        int exp = s.pointPosition - 1;
        if (exp >= -4 && exp < 15) {
            appendFixed(sb, s, false);
        } else {
            appendScientific(sb, s);
        }
    }

    private static void appendFixed(StringBuilder sb, Shortest s, boolean forcePointZero) {
        if (s.negative) {
            sb.append('-');
        }
        String d = s.digits;
        int point = s.pointPosition;
        if (point <= 0) {
            sb.append("0.");
            for (int i = 0; i < -point; i++) {
                sb.append('0');
            }
            sb.append(d);
        } else if (point >= d.length()) {
            sb.append(d);
            for (int i = d.length(); i < point; i++) {
                sb.append('0');
            }
            if (forcePointZero) {
                sb.append(".0");
            }
        } else {
            sb.append(d, 0, point).append('.').append(d, point, d.length());
        }
    }

    private static void appendScientific(StringBuilder sb, Shortest s) {
        if (s.negative) {
            sb.append('-');
        }
        String d = s.digits;
        sb.append(d.charAt(0));
        if (d.length() > 1) {
            sb.append('.').append(d, 1, d.length());
        }
        int exp = s.pointPosition - 1;
        sb.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
    }

    /**
     * The shortest digit string that rounds back to x, as {@code 0.digits × 10^pointPosition}.
     * Among candidates of the shortest length the one nearest x is taken (as Python and Ryu do):
     * rounding the exact binary value to p significant digits gives the nearest p-digit decimal,
     * and the first p at which that reads back as x is the shortest.
     */
    private record Shortest(boolean negative, String digits, int pointPosition) {
        static Shortest of(double x) {
            BigDecimal exact = new BigDecimal(Math.abs(x));
            for (int p = 1; p <= 17; p++) {
                BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (r.doubleValue() == Math.abs(x)) {
                    return from(x < 0, r);
                }
            }
            return from(x < 0, exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
        }

        private static Shortest from(boolean negative, BigDecimal r) {
            BigDecimal stripped = r.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            int pointPosition = digits.length() - stripped.scale();
            return new Shortest(negative, digits, pointPosition);
        }
    }
}
