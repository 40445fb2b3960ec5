/**
 * Reading {@code reddit_comments} rows straight from PostgreSQL or Redshift over JDBC for
 * {@code trollwatch export}: connection settings and password sources ({@code ~/.pgpass}), URL
 * redaction for logs, validated table names and bound filters, and a streaming server-side cursor.
 */
package dev.trollwatch.io.jdbc;
