package org.sharedagreements.app.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of a request body the service reads at most ({@code agreements.request.*}), checked when the service
 * starts. The body filter and Tomcat's form post size take it from here; a 413 answer names the limit the filter
 * applied ({@link BodyTooLarge#limit()}).
 *
 * @param maxBodyBytes the largest accepted body, any method or content type, checked before authentication; 64 KiB
 *                     is many times the largest legitimate command (a boundary's text), and small enough that
 *                     unauthenticated callers cannot make the service buffer much. At most {@code Integer.MAX_VALUE},
 *                     because Tomcat's form post size is an int
 */
@Validated
@ConfigurationProperties("agreements.request")
public record RequestLimits(@Min(1) @Max(Integer.MAX_VALUE) @DefaultValue("65536") long maxBodyBytes) {
}
