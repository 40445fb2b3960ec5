package dev.trollwatch.io.field;

import dev.trollwatch.comment.Comment;
import dev.trollwatch.comment.CommentColumn;

/** A comment's 23 column values in table order, {@code recent_comments} as its JSON text. */
public final class CommentValues {
    public static final int COLUMNS = CommentColumn.values().length;
    public static final int GILDED = CommentColumn.GILDED.ordinal();

    private CommentValues() {
    }

    /** Fills {@code into} (length 23) and returns it; entries are String, Boolean, Double or null. */
    public static Object[] of(Comment c, Object[] into) {
        into[0] = c.bannedBy();
        into[1] = c.noFollow();
        into[2] = c.linkId();
        into[3] = c.gilded();
        into[4] = c.author();
        into[5] = c.authorVerified();
        into[6] = c.authorCommentKarma();
        into[7] = c.authorLinkKarma();
        into[8] = c.numComments();
        into[9] = c.createdUtc();
        into[10] = c.score();
        into[11] = c.over18();
        into[12] = c.body();
        into[13] = c.downs();
        into[14] = c.isSubmitter();
        into[15] = c.numReports();
        into[16] = c.controversiality();
        into[17] = c.quarantine();
        into[18] = c.ups();
        into[19] = c.isBot();
        into[20] = c.isTroll();
        into[21] = recentCommentsText(c);
        into[22] = c.isTraining();
        return into;
    }

    /** The row's {@code recent_comments} text: the original when kept, else the list serialized. */
    static String recentCommentsText(Comment c) {
        return c.recentCommentsJson() != null ? c.recentCommentsJson()
                : RecentCommentsJsonWriter.toJson(c.recentComments());
    }
}
