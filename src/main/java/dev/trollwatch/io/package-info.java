/**
 * Input and output formats: streaming readers for every dump format of {@code reddit_comments},
 * writers, the JDBC export, and safe file output (temp file + atomic move, gzip by extension).
 */
package dev.trollwatch.io;
