/**
 * Test certificates made at test time with the JDK's {@code keytool} (a private CA, server
 * certificates it signs, the CA as a PEM file) and a TLS-terminating proxy, for tests that need
 * real TLS handshakes. Start with {@link io.connectorkit.simulator.tls.TestCa#create}.
 */
package io.connectorkit.simulator.tls;
