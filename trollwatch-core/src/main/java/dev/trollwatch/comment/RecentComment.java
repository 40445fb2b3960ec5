package dev.trollwatch.comment;

/**
 * One entry of a row's {@code recent_comments}: a comment the same author made earlier,
 * with the first 19 columns of the table. Every field may be null.
 */
public record RecentComment(
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
        Double ups) {
}
