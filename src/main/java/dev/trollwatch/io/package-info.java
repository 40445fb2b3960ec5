/**
 * Input and output formats of {@code reddit_comments} rows, features and metrics, and safe file output.
 *
 * <p>Reading: {@link dev.trollwatch.io.CommentReaders#open} gives a streaming
 * {@link dev.trollwatch.io.CommentReader} over any dump (RFC 4180 CSV, PostgreSQL COPY CSV,
 * {@code psql -A}, the 2019 csv-writer dump, JSON Lines; gzip sniffed, format detected), with
 * malformed rows reported as {@link dev.trollwatch.io.DataFormatException} (file:line: column:
 * expected …) under an {@link dev.trollwatch.io.ErrorPolicy}. One JSON object maps with
 * {@link dev.trollwatch.io.CommentJsonMapper}. Writing: {@link dev.trollwatch.io.CommentWriter}s per
 * {@link dev.trollwatch.io.OutputFormat}; {@link dev.trollwatch.io.DumpExport} copies any reader to
 * clean CSV. Every file goes through {@link dev.trollwatch.io.AtomicOutput} (temp file + atomic move,
 * gzip by extension). The JDBC source for {@code export} is in {@code io.jdbc}.
 *
 * <p>Features and metrics: {@link dev.trollwatch.io.FeaturesCsvReader} reads features CSVs (also the
 * 2019 pipeline's), {@link dev.trollwatch.io.LabelledInput} gives labelled feature rows from a features
 * CSV or a dump (featurized on the fly), {@link dev.trollwatch.io.MetricsJsonWriter} writes the metrics
 * file.
 */
package dev.trollwatch.io;
