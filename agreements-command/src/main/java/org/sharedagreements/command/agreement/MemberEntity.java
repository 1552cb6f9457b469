package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A member entity of the agreement (boundary, breach, red flag, counsellor grant) with value equality over all
 * its fields. Only {@code AggregateTestFixture}'s illegal-state-change check needs it: it compares the
 * agreement a command built with the one rebuilt from the same events, and compares the entity maps with
 * {@code equals}. Entities are never map keys, so the hash is only consistent, not spread. Snapshots hold the
 * fields, as the agreement's do (Jackson applies this class's field visibility to every entity).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class MemberEntity {

    @Override
    public final boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        for (Field field : getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Objects.equals(valueOf(field, this), valueOf(field, o))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    private static Object valueOf(Field field, Object entity) {
        try {
            field.setAccessible(true);
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
