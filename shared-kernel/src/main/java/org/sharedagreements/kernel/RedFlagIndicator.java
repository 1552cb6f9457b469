package org.sharedagreements.kernel;

/** The early warning signs a partner may raise as a red flag. */
public enum RedFlagIndicator {
    STRESS,
    LONELINESS,
    RESENTMENT,
    OTHER
}
