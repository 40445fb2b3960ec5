/** The row types every layer shares: one comment of table {@code reddit_comments} and its history. */
package dev.trollwatch.comment;
