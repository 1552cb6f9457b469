/**
 * What operators watch: Axon's own metrics (command handling, processor lag and capacity) and ours — commands
 * by type and outcome — on {@code /actuator/prometheus}. No metric, tag or log line carries agreement content:
 * tags are command types and outcome classes only.
 */
package org.sharedagreements.app.observability;
