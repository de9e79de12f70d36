/**
 * The bytes of a generated message: RFC822 rendering ({@link io.connectorkit.simulator.archive.mime.EmlWriter})
 * and the attachment files in every format the archive hands out (text, PDF, PNG, ZIP and
 * office containers), written deterministically from a seed.
 */
package io.connectorkit.simulator.archive.mime;
