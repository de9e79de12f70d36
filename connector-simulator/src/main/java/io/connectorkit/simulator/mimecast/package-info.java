/**
 * A fake Mimecast API 2.0 server over real HTTP, with scriptable faults and recorded requests.
 * Start with {@link io.connectorkit.simulator.mimecast.FakeMimecastServer#builder()}.
 */
package io.connectorkit.simulator.mimecast;
