/**
 * The tables trollwatch writes: the features CSV ({@link dev.trollwatch.io.table.FeaturesCsvWriter},
 * read back, also the 2019 pipeline's, by {@link dev.trollwatch.io.table.FeaturesCsvReader}), the
 * predictions CSV and the metrics JSON. Uses {@code features} (schema, rows, labels), {@code io.field}
 * and {@code io.file}.
 */
package dev.trollwatch.io.table;
