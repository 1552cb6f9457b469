package org.sharedagreements.kernel;

/** What area of the relationship a boundary protects (the article's online engagement, emotional closeness, pace of intimacy...). */
public enum BoundaryCategory {
    ONLINE_ENGAGEMENT,
    EMOTIONAL_CLOSENESS,
    INTIMACY_PACE,
    FLIRTATION,
    DIGITAL_PRIVACY,
    DISCLOSURE,
    OTHER
}
