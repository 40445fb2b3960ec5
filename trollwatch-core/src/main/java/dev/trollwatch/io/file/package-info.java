/**
 * Generic file input and output: {@link dev.trollwatch.io.file.AtomicOutput} (temp file, then an
 * atomic move; gzip by extension; devices and FIFOs written in place), gzip members and strict UTF-8
 * on the way in, and byte counting for progress.
 * Knows nothing of rows; uses nothing of ours but the base exception.
 */
package dev.trollwatch.io.file;
