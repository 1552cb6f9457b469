package org.sharedagreements.web.record;

import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A boundary's terms as people read them: each term's label, categories and review periods in words. */
final class Terms {

    static final List<String> FIELDS = List.of("category", "statement", "measure", "consequence", "reviewEvery");
    private static final Pattern DAYS = Pattern.compile("P(\\d+)D");

    private final MessageSource messages;
    private final Locale locale;

    Terms(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String label(String field) {
        return messages.getMessage("web.record.term." + field, null, locale);
    }

    /** The term's value in words; an empty term reads as "none". */
    String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return messages.getMessage("web.record.term.none", null, locale);
        }
        if ("category".equals(field)) {
            return messages.getMessage("web.record.category." + value, null, value, locale);
        }
        if ("reviewEvery".equals(field)) {
            Matcher days = DAYS.matcher(value);
            if (days.matches()) {
                return messages.getMessage("web.record.term.reviewDays", new Object[]{Integer.valueOf(days.group(1))},
                        locale);
            }
        }
        return value;
    }

    String word(String key, String value) {
        return value == null ? null : messages.getMessage(key + value, null, value, locale);
    }
}
