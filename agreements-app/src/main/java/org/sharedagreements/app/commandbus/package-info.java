/**
 * How commands are dispatched: through Axon's gateway, with a concurrent append to the same agreement (two nodes
 * deciding at once; the event table's unique aggregate/sequence key arbitrates) retried on the newer state.
 */
package org.sharedagreements.app.commandbus;
