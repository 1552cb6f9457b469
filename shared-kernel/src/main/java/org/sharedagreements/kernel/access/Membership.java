package org.sharedagreements.kernel.access;

/** A person's place among an agreement's partners: invited, joined, or joined and then left. */
public enum Membership {
    INVITED,
    JOINED,
    LEFT
}
