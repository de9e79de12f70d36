/**
 * The misbehaviours a fake server can be scripted to show: {@link io.connectorkit.simulator.mimecast.faults.Fault}
 * values attached to calls by {@link io.connectorkit.simulator.mimecast.faults.FaultRule}s, the plan
 * that picks them per call, the answers they give instead of the endpoint, and the gates that
 * hold a request until a test opens them.
 */
package io.connectorkit.simulator.mimecast.faults;
