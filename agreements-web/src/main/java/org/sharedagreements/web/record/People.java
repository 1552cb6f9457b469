package org.sharedagreements.web.record;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.query.agreement.AgreementState;
import org.springframework.context.MessageSource;

import java.util.Locale;

/**
 * Who did something, as the person reading the page knows them: "You", "Your partner" (or, for a counsellor,
 * "Partner x"), "Counsellor x", the service itself, or someone whose name was erased. {@code subject} begins a
 * sentence; {@code object} stands inside one.
 */
final class People {

    private final String viewer;
    private final AccessRole viewerRole;
    private final AgreementState state;
    private final MessageSource messages;
    private final Locale locale;

    People(String viewer, AccessRole viewerRole, AgreementState state, MessageSource messages, Locale locale) {
        this.viewer = viewer;
        this.viewerRole = viewerRole;
        this.state = state;
        this.messages = messages;
        this.locale = locale;
    }

    String subject(String userId) {
        return name("web.record.who.", userId);
    }

    String object(String userId) {
        return name("web.record.whom.", userId);
    }

    String counsellor(String counsellorId) {
        if (counsellorId == null || Confidential.ERASED.equals(counsellorId)) {
            return messages.getMessage("web.record.whom.erasedCounsellor", null, locale);
        }
        return messages.getMessage("web.record.whom.counsellor", new Object[]{counsellorId}, locale);
    }

    private String name(String prefix, String userId) {
        if (userId == null) {
            return messages.getMessage(prefix + "service", null, locale);
        }
        if (Confidential.ERASED.equals(userId)) {
            return messages.getMessage(prefix + "erased", null, locale);
        }
        if (userId.equals(viewer)) {
            return messages.getMessage(prefix + "you", null, locale);
        }
        if (state != null && state.partner(userId) != null) {
            return viewerRole == AccessRole.PARTNER
                    ? messages.getMessage(prefix + "partner", null, locale)
                    : messages.getMessage(prefix + "partnerNamed", new Object[]{userId}, locale);
        }
        if (state != null && state.counsellor(userId) != null) {
            return messages.getMessage(prefix + "counsellor", new Object[]{userId}, locale);
        }
        return messages.getMessage(prefix + "someone", new Object[]{userId}, locale);
    }
}
