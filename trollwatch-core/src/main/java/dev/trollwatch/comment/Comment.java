package dev.trollwatch.comment;

import java.util.List;

/**
 * One row of table {@code reddit_comments}. Every nullable column is a boxed type (null = SQL NULL).
 *
 * <p>{@code recentComments} is the parsed {@code recent_comments} array (oldest first, never null:
 * a null or empty column is an empty list); {@code recentCommentsJson} keeps the column's original
 * text so that a dump can be re-exported without reformatting it (null when the source had none).
 */
public record Comment(
        String bannedBy,
        Boolean noFollow,
        String linkId,
        Double gilded,
        String author,
        Boolean authorVerified,
        Double authorCommentKarma,
        Double authorLinkKarma,
        Double numComments,
        Double createdUtc,
        Double score,
        Boolean over18,
        String body,
        Double downs,
        Boolean isSubmitter,
        Double numReports,
        Double controversiality,
        String quarantine,
        Double ups,
        Boolean isBot,
        Boolean isTroll,
        String recentCommentsJson,
        List<RecentComment> recentComments,
        Boolean isTraining) {

    public Comment {
        recentComments = recentComments == null ? List.of() : List.copyOf(recentComments);
    }
}
