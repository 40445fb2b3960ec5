/**
 * Input and output formats: streaming readers for every dump format of {@code reddit_comments},
 * the features CSV reader, writers (metrics JSON), the JDBC export, and safe file output (temp
 * file + atomic move, gzip by extension).
 */
package dev.trollwatch.io;
