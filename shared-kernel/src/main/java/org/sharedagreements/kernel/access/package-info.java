/**
 * Who may see and change an agreement, written once: the table of docs/contract.md's "Who sees what" as code. The write
 * side asks {@link org.sharedagreements.kernel.access.AccessPolicy} with the aggregate's own state before any
 * command runs; the read side's gate asks it with the read model's rows before any query answers. Nothing else
 * decides, so a rule changes in one place and both sides follow.
 */
package org.sharedagreements.kernel.access;
