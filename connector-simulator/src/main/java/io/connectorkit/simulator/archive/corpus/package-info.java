/**
 * The values a generated archive is made of and answers with: domains, users and mailboxes,
 * messages and their attachments, and the queries and pages a listing is asked and answered in.
 */
package io.connectorkit.simulator.archive.corpus;
