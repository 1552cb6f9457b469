package org.sharedagreements.kernel.access;

/**
 * What the policy answers: go ahead; forbidden (403: the caller may see the agreement, or the scope names no
 * agreement, but their role may not do this); or hidden (404: as far as the caller can tell, there is nothing).
 */
public enum Decision {
    ALLOW,
    FORBID,
    HIDE
}
