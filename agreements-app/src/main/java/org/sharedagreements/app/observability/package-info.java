/**
 * What operators watch: Axon's own metrics (command handling, processor lag and capacity) and ours — commands
 * by type and outcome — on {@code /actuator/prometheus}, with the operator role on the public port or without a
 * token on the private management port ({@code management.server.port}). No metric, tag or log line carries
 * agreement content: tags are command types and outcome classes only.
 */
package org.sharedagreements.app.observability;
