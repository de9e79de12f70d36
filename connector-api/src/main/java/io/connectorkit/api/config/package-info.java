/**
 * A connector's configuration: the keys it declares ({@link io.connectorkit.api.config.ConfigSpec},
 * {@link io.connectorkit.api.config.ConfigKey}), the validated values a host hands it
 * ({@link io.connectorkit.api.config.SourceConfig}) and the problems validation finds
 * ({@link io.connectorkit.api.config.ConfigProblem},
 * {@link io.connectorkit.api.config.InvalidConfigException}).
 *
 * <p>Validation reports every problem at once, each naming the key, the value (secrets masked)
 * and the fix. JDK only, like the rest of the SPI.
 */
package io.connectorkit.api.config;
