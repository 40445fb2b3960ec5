package dev.trollwatch.io.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code --since}/{@code --until} values: unix seconds, an ISO date (UTC midnight) or an ISO date-time. */
public final class TimeBound {
    private TimeBound() {
    }

    /** Unix seconds for the text; IllegalArgumentException naming the accepted forms otherwise. */
    public static double parse(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(t);
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return seconds(OffsetDateTime.parse(t).toInstant());
            }
            return seconds(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid time '" + text
                    + "': expected unix seconds (1550213389), a date (2019-02-15) or a date-time (2019-02-15T06:49:49Z)");
        }
    }

    private static double seconds(Instant i) {
        return i.getEpochSecond() + i.getNano() / 1e9;
    }
}
