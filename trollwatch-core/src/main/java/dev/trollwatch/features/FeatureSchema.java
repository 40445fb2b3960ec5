package dev.trollwatch.features;

import java.util.List;

/**
 * The model's 20 features: names, order and one-line definitions (see docs and
 * {@code specs/features.md}). The order is the column order of features files, of the ONNX
 * input and of the JSON model; never reorder without bumping {@link #FEATURIZER_VERSION}.
 */
public final class FeatureSchema {
    /** Bumped whenever any feature's value could change for the same input. */
    public static final int FEATURIZER_VERSION = 1;

    /** One feature: its name and what it measures. */
    public record Feature(String name, String definition) {
    }

    public static final List<Feature> FEATURES = List.of(
            new Feature("no_follow", "the comment's no_follow flag (0/1)"),
            new Feature("author_verified", "the author's verified flag (0/1)"),
            new Feature("author_comment_karma", "the author's comment karma"),
            new Feature("author_link_karma", "the author's link karma"),
            new Feature("over_18", "the thread is marked NSFW (0/1)"),
            new Feature("is_submitter", "the author submitted the thread (0/1)"),
            new Feature("recent_num_comments", "n = number of recent comments (0..20)"),
            new Feature("recent_num_last_30_days", "recent comments created less than 30 days before this one"),
            new Feature("recent_avg_no_follow", "mean no_follow of recent comments"),
            new Feature("recent_avg_gilded", "mean gilded of recent comments"),
            new Feature("recent_avg_responses", "mean num_comments (thread responses) of recent comments"),
            new Feature("recent_percent_neg_score", "percent of recent comments with score < 0"),
            new Feature("recent_avg_score", "mean score of recent comments"),
            new Feature("recent_min_score", "minimum score of recent comments"),
            new Feature("recent_avg_controversiality", "mean controversiality of recent comments"),
            new Feature("recent_avg_ups", "mean ups of recent comments"),
            new Feature("recent_avg_diff_ratio", "mean difflib ratio of this body (200 chars) to each recent body (200 chars)"),
            new Feature("recent_max_diff_ratio", "maximum of the same difflib ratios"),
            new Feature("recent_avg_sentiment_polarity", "mean TextBlob polarity over the recent bodies and this body"),
            new Feature("recent_min_sentiment_polarity", "minimum of the same polarities"));

    /** Number of features: 20. */
    public static final int SIZE = FEATURES.size();

    /** Feature names in order. */
    public static final List<String> NAMES = FEATURES.stream().map(Feature::name).toList();

    private FeatureSchema() {
    }

    /** Index of the feature with this name, or -1. */
    public static int indexOf(String name) {
        return NAMES.indexOf(name);
    }
}
