package org.sharedagreements.kernel;

/**
 * What a command handler answers: the agreement's version (the sequence number of its last event) after the
 * command, and, for proposals and revisions, the boundary version the command created.
 */
public record CommandReceipt(long version, Integer boundaryVersion) {

    public static CommandReceipt at(long version) {
        return new CommandReceipt(version, null);
    }
}
