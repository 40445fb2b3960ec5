/**
 * {@code trollwatch generate}: synthetic {@code reddit_comments} rows that imitate how the 2019
 * producer built them (per-author histories, {@code recent_comments} windows of up to 20 earlier
 * comments) with three overlapping classes of authors. Seeded, streaming, no I/O of its own. Uses
 * {@code comment}, the labels of {@code features} and {@code io.field} (the recent_comments JSON);
 * used by {@code cli} only.
 */
package dev.trollwatch.generate;
