/**
 * A fake Mimecast API 2.0 server over real HTTP, with scriptable faults and recorded requests.
 * Start with {@link io.connectorkit.testkit.mimecast.FakeMimecastServer#builder()}.
 */
package io.connectorkit.testkit.mimecast;
