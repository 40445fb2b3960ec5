/**
 * The row types every layer shares: one comment of table {@code reddit_comments}
 * ({@link dev.trollwatch.comment.Comment}), one entry of its history
 * ({@link dev.trollwatch.comment.RecentComment}) and the 23 columns in table order
 * ({@link dev.trollwatch.comment.CommentColumn}). The bottom layer: uses nothing of ours.
 */
package dev.trollwatch.comment;
