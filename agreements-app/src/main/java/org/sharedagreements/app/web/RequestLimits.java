package org.sharedagreements.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of a request body the service reads at most ({@code agreements.request.max-body-bytes}, 64 KiB in
 * {@code application.yml}). The body filter and Tomcat's form post size take it from here; a 413 answer names the
 * limit the filter applied ({@link BodyTooLarge#limit()}).
 */
@ConfigurationProperties("agreements.request")
public record RequestLimits(long maxBodyBytes) {

    public RequestLimits {
        // Tomcat's form post size is an int
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("agreements.request.max-body-bytes must be between 1 and "
                    + Integer.MAX_VALUE + " bytes, was " + maxBodyBytes);
        }
    }
}
