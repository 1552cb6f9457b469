package org.sharedagreements.app.storage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Snapshots of agreements ({@code agreements.snapshot-every}), checked when the service starts.
 *
 * @param snapshotEvery events after which an agreement is snapshotted again. Without snapshots commands slowed from
 *                      ~500/s to ~110/s at 1,250 events on this stack; every 100 brought them back, while a snapshot
 *                      costs one more row per 100 events
 */
@Validated
@ConfigurationProperties("agreements")
public record SnapshotSettings(@Min(1) @DefaultValue("100") int snapshotEvery) {
}
