/**
 * File formats of {@code reddit_comments} rows and of what trollwatch writes, one sub-package per job:
 * {@code io.file} (safe file output, gzip, byte counting), {@code io.field} (one column value to and from
 * text and JSON, shared by every row format and by {@code serve} and {@code generate}),
 * {@code io.dump} (dump readers and writers), {@code io.jdbc} (rows from PostgreSQL/Redshift) and
 * {@code io.table} (features CSV, predictions CSV, metrics JSON). Uses {@code features} and
 * {@code comment} only; nothing here runs the featurizer or a model (that is {@code pipeline}).
 */
package dev.trollwatch.io;
