package dev.trollwatch.generate;

import dev.trollwatch.InvalidParameterException;
import java.util.List;

/**
 * What to generate: how many rows, from which seed, and the share of rows written by bots and by
 * trolls (the rest are normal users).
 */
public record GeneratorSettings(long rows, long seed, double botFraction, double trollFraction) {
    public static final double DEFAULT_BOT_FRACTION = 0.153;
    public static final double DEFAULT_TROLL_FRACTION = 0.070;

    /** @throws InvalidParameterException naming {@code rows}, {@code bot_fraction} or {@code troll_fraction} */
    public GeneratorSettings {
        if (rows < 0) {
            throw new InvalidParameterException("rows", "must be >= 0, got " + rows);
        }
        if (!(botFraction >= 0 && botFraction <= 1)) {
            throw new InvalidParameterException("bot_fraction", "must be between 0 and 1, got " + botFraction);
        }
        if (!(trollFraction >= 0 && trollFraction <= 1)) {
            throw new InvalidParameterException("troll_fraction", "must be between 0 and 1, got " + trollFraction);
        }
        if (botFraction + trollFraction > 1 + 1e-12) {
            throw new InvalidParameterException(List.of("bot_fraction", "troll_fraction"),
                    "must be <= 1, got " + (botFraction + trollFraction));
        }
    }

    public double normalFraction() {
        return Math.max(0, 1 - botFraction - trollFraction);
    }
}
