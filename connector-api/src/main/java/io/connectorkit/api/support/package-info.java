/**
 * Small JDK-only helpers that connectors and the host both need, kept here because a connector
 * may depend on nothing but this module.
 *
 * <ul>
 *   <li>{@link io.connectorkit.api.support.PemTrust}: reads PEM CA certificates, builds a client
 *       TLS context that trusts them in addition to the JDK's trust store, and tells a refused
 *       server certificate from other connection failures.</li>
 *   <li>{@link io.connectorkit.api.support.SpooledBytes}: reads a stream once, computing its
 *       SHA-256 and length, keeping small contents in memory and larger ones in a temporary file.</li>
 * </ul>
 *
 * All methods are thread-safe unless a type says otherwise; no parameter may be {@code null}
 * unless its documentation says so.
 */
package io.connectorkit.api.support;
