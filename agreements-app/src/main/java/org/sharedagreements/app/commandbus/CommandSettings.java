package org.sharedagreements.app.commandbus;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The command side's memory ({@code agreements.command.*}), checked when the service starts.
 *
 * @param cachedAgreements agreements a command node keeps in memory between commands, each checked against the event
 *                         store before use; 2000 holds the agreements active at once on a node with room to spare,
 *                         at a few kilobytes each
 */
@Validated
@ConfigurationProperties("agreements.command")
public record CommandSettings(@Min(1) @DefaultValue("2000") int cachedAgreements) {
}
