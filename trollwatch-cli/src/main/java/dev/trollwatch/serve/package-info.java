/**
 * The HTTP scoring server, a drop-in for the 2019 Flask API, on Jetty's non-blocking HTTP/1.1
 * connector: request parsing (via the shared JSON comment mapper, with bounded JSON limits), the
 * training featurizer and a {@link dev.trollwatch.model.ScoringModel}; JSON errors naming the
 * field, also for framing errors Jetty finds; size limits, a deadline per request and an idle
 * timeout per connection; graceful stop. May use {@code pipeline} and the layers below; no picocli,
 * no printing, no {@code System.exit}, no JVM-wide settings.
 */
package dev.trollwatch.serve;
