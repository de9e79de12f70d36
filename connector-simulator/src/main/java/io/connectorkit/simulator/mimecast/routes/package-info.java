/**
 * What each endpoint of the fake server answers: the OAuth token grant, the directory, the
 * keyset-paged message list, message details and parts, and the pre-signed downloads, with the
 * page tokens bound to the query that produced them.
 */
package io.connectorkit.simulator.mimecast.routes;
