/**
 * How the fake server speaks HTTP: a parsed call, the JSON envelope, a streamed reply and the
 * responder that sends (or cuts) it, the rate-limit headers, the dates as the service writes
 * them and the signed opaque tokens it hands out.
 */
package io.connectorkit.simulator.mimecast.wire;
