/**
 * A Kafka Connect plugin: {@link io.connectorkit.kafka.CrawlSourceConnector} runs any
 * {@link io.connectorkit.api.SourceConnector} found by {@link java.util.ServiceLoader} as a Connect
 * source, and {@link io.connectorkit.kafka.IndexSinkConnector} writes its records into
 * Elasticsearch or OpenSearch with the runtime's sink. See {@code docs/kafka-connect.md}.
 */
package io.connectorkit.kafka;
