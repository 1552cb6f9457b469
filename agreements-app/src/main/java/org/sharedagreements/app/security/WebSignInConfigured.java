package org.sharedagreements.app.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Map;

/**
 * Whether the web pages can sign anyone in: in the local profile (its own provider), or with at least one
 * {@code spring.security.oauth2.client.registration.*}. Read from the settings, since Spring Boot registers its
 * client registrations only after this configuration is parsed.
 */
class WebSignInConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().acceptsProfiles(Profiles.of("local"))
                || !Binder.get(context.getEnvironment()).bind("spring.security.oauth2.client.registration",
                        Bindable.mapOf(String.class, Object.class)).orElse(Map.of()).isEmpty();
    }
}
