/**
 * Reading {@code reddit_comments} rows straight from PostgreSQL or Redshift over JDBC for
 * {@code trollwatch export}: connection settings and password sources ({@code ~/.pgpass}), URL
 * redaction for logs, validated table names and bound filters, and a streaming server-side cursor.
 * Uses {@code io.dump} (its reader is a {@code CommentReader}), {@code io.field} and {@code comment}.
 */
package dev.trollwatch.io.jdbc;
