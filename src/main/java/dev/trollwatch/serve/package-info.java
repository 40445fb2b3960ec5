/**
 * The HTTP scoring server, a drop-in for the 2019 Flask API, on the JDK's built-in
 * {@code com.sun.net.httpserver}: request parsing (via the shared JSON comment mapper of
 * {@code io.field}), the training featurizer and a {@link dev.trollwatch.model.ScoringModel}; JSON
 * errors naming the field; size limits; graceful stop. May use {@code pipeline} and the layers below;
 * no picocli, no printing, no {@code System.exit}, no JVM-wide settings of its own (the program that
 * owns the process applies {@link dev.trollwatch.serve.ScoringServer#JDK_SERVER_PROPERTIES}).
 */
package dev.trollwatch.serve;
