package dev.trollwatch.model;

import dev.trollwatch.features.FeatureRow;
import dev.trollwatch.features.FeatureSchema;
import dev.trollwatch.features.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test-only generator of realistic feature rows: three classes with overlapping distributions
 * (bots repeat themselves and post a lot, trolls score low and write negatively), several rows
 * per author, some bots' rows labelled normal, a few exact duplicates; seeded.
 */
public final class SyntheticFeatures {
    private SyntheticFeatures() {
    }

    /** About 80 % normal, 13 % bot, 7 % troll rows. */
    public static List<FeatureRow> generate(int n, long seed) {
        Random rnd = new Random(seed);
        List<FeatureRow> rows = new ArrayList<>(n);
        int author = 0;
        while (rows.size() < n) {
            double u = rnd.nextDouble();
            Label label = u < 0.13 ? Label.BOT : u < 0.20 ? Label.TROLL : Label.NORMAL;
            int perAuthor = 1 + rnd.nextInt(label == Label.BOT ? 12 : 5);
            String name = label.text().charAt(0) + "user" + author++;
            for (int k = 0; k < perAuthor && rows.size() < n; k++) {
                // Known bots also post in the "normal" stream: those rows carry the normal label.
                Label rowLabel = label == Label.BOT && rnd.nextDouble() < 0.2 ? Label.NORMAL : label;
                FeatureRow row = new FeatureRow(name, "t3_" + Integer.toString(rnd.nextInt(1 << 20), 36),
                        1_540_000_000L + rnd.nextInt(10_000_000), values(label, rnd), rowLabel);
                rows.add(row);
                if (rnd.nextDouble() < 0.005 && rows.size() < n) {
                    rows.add(row); // an exact duplicate, as dumps contain
                }
            }
        }
        return rows;
    }

    private static double[] values(Label label, Random rnd) {
        double[] v = new double[FeatureSchema.SIZE];
        boolean bot = label == Label.BOT;
        boolean troll = label == Label.TROLL;
        v[0] = rnd.nextDouble() < (bot ? 0.9 : 0.6) ? 1 : 0;                       // no_follow
        v[1] = rnd.nextDouble() < (troll ? 0.5 : 0.8) ? 1 : 0;                     // author_verified
        v[2] = Math.round(Math.exp(rnd.nextGaussian() * 1.5 + (troll ? 6 : bot ? 9 : 8)));   // comment karma
        v[3] = Math.round(Math.exp(rnd.nextGaussian() * 1.5 + (bot ? 3 : 5)));               // link karma
        v[4] = rnd.nextDouble() < 0.05 ? 1 : 0;                                    // over_18
        v[5] = rnd.nextDouble() < 0.1 ? 1 : 0;                                     // is_submitter
        int num = rnd.nextDouble() < 0.1 ? 0 : bot ? 20 : 1 + rnd.nextInt(20);
        v[6] = num;
        if (num > 0) {
            v[7] = Math.min(num, rnd.nextInt(num + 1) + (bot ? num / 2 : 0));
            v[8] = rnd.nextDouble() * (bot ? 0.4 : 1) + (bot ? 0.6 : 0);
            v[9] = rnd.nextDouble() < 0.05 ? rnd.nextDouble() * 0.2 : 0;
            v[10] = Math.abs(rnd.nextGaussian() * 500 + 300);
            v[11] = Math.max(0, Math.min(100, rnd.nextGaussian() * 10 + (troll ? 35 : 5)));
            v[12] = rnd.nextGaussian() * 5 + (troll ? -2 : 3);
            v[13] = v[12] - Math.abs(rnd.nextGaussian() * 6) - (troll ? 8 : 0);
            v[14] = Math.max(0, Math.min(1, rnd.nextGaussian() * 0.1 + (troll ? 0.3 : 0.05)));
            v[15] = v[12] + Math.abs(rnd.nextGaussian());
            v[16] = Math.max(0, Math.min(1, rnd.nextGaussian() * 0.1 + (bot ? 0.55 : 0.2)));
            v[17] = Math.max(v[16], Math.min(1, v[16] + Math.abs(rnd.nextGaussian() * 0.2) + (bot ? 0.2 : 0)));
            v[18] = rnd.nextGaussian() * 0.1 + (troll ? -0.1 : 0.05);
            v[19] = v[18] - Math.abs(rnd.nextGaussian() * 0.3) - (troll ? 0.2 : 0);
        }
        return v;
    }
}
