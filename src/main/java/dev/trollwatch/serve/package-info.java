/**
 * The HTTP scoring server, a drop-in for the 2019 Flask API, on the JDK's built-in
 * {@code com.sun.net.httpserver}: request parsing (via the shared JSON comment mapper), the
 * training featurizer and a {@link dev.trollwatch.model.ScoringModel}; JSON errors naming the
 * field; size limits; graceful stop. No picocli, no {@code System.exit}.
 */
package dev.trollwatch.serve;
