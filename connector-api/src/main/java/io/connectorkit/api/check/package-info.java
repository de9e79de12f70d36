/**
 * What a connector answers before any crawl: the outcome of checking a configuration against
 * the source ({@link io.connectorkit.api.check.CheckReport} of
 * {@link io.connectorkit.api.check.CheckResult}s) and which items a crawl would include or
 * exclude ({@link io.connectorkit.api.check.ScopeDecision}). Connectors build these values with
 * their factories, so a component added later breaks no caller. JDK only, like the rest of the
 * SPI.
 */
package io.connectorkit.api.check;
