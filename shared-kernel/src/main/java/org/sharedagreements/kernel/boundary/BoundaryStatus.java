package org.sharedagreements.kernel.boundary;

/**
 * Where a boundary stands: proposed until every partner accepted its first version, then active; suspended
 * while a partner's consent is withdrawn; declined or withdrawn as a proposal; retired for good.
 */
public enum BoundaryStatus {
    PROPOSED,
    ACTIVE,
    SUSPENDED,
    DECLINED,
    WITHDRAWN,
    RETIRED
}
