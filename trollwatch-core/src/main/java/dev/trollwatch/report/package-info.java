/**
 * The HTML report of {@code train --report} and {@code evaluate --report}: one self-contained,
 * deterministic page (inline CSS and SVG, no script, no external resource), readable printed.
 * Pure rendering to a string from model-layer results; writing the file is the caller's job.
 * Depends only on {@code model}, {@code features} and {@code comment}.
 */
package dev.trollwatch.report;
