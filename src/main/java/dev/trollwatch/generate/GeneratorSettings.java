package dev.trollwatch.generate;

/**
 * What to generate: how many rows, from which seed, and the share of rows written by bots and by
 * trolls (the rest are normal users).
 */
public record GeneratorSettings(long rows, long seed, double botFraction, double trollFraction) {
    public static final double DEFAULT_BOT_FRACTION = 0.153;
    public static final double DEFAULT_TROLL_FRACTION = 0.070;

    public GeneratorSettings {
        String problem = problem(rows, botFraction, trollFraction);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these values are unusable, or null when they are fine (lets the CLI report a usage error). */
    public static String problem(long rows, double botFraction, double trollFraction) {
        if (rows < 0) {
            return "--rows must be >= 0, got " + rows;
        }
        if (!(botFraction >= 0 && botFraction <= 1)) {
            return "--bot-fraction must be between 0 and 1, got " + botFraction;
        }
        if (!(trollFraction >= 0 && trollFraction <= 1)) {
            return "--troll-fraction must be between 0 and 1, got " + trollFraction;
        }
        if (botFraction + trollFraction > 1 + 1e-12) {
            return "--bot-fraction + --troll-fraction must be <= 1, got " + (botFraction + trollFraction);
        }
        return null;
    }

    public double normalFraction() {
        return Math.max(0, 1 - botFraction - trollFraction);
    }
}
