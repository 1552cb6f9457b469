package org.sharedagreements.kernel.redflag;

/** A red flag is open until a partner addresses it. */
public enum RedFlagStatus {
    OPEN,
    ADDRESSED
}
