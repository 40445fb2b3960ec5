/**
 * Dumps of {@code reddit_comments}: {@link dev.trollwatch.io.dump.CommentReaders#open} gives a
 * streaming {@link dev.trollwatch.io.dump.CommentReader} over any dump (RFC 4180 CSV, PostgreSQL COPY
 * CSV, {@code psql -A}, the 2019 csv-writer dump, JSON Lines; gzip sniffed, format detected), with
 * malformed rows handled under an {@link dev.trollwatch.io.dump.ErrorPolicy};
 * {@link dev.trollwatch.io.dump.CommentWriter}s per {@link dev.trollwatch.io.dump.OutputFormat};
 * {@link dev.trollwatch.io.dump.DumpExport} copies any reader to clean CSV. Uses {@code io.field},
 * {@code io.file} and {@code comment}.
 */
package dev.trollwatch.io.dump;
