package org.sharedagreements.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a sealed value belongs: its agreement, its table ({@value #EVENT} for event payloads) and its field. It is
 * the associated data of the seal, so a ciphertext copied into another agreement, table or field does not open:
 * a person with write access to the database cannot move one partner's words into another place to have the
 * service decrypt and show them there.
 *
 * <p>Associated data: the UTF-8 bytes of {@code "sa-seal/v1|" + agreementId + "|" + table + "|" + field}, the
 * agreement id in UUID text form, lowercase. Tables are {@code [a-z][a-z0-9_]*}; fields are names
 * {@code [a-z][a-zA-Z0-9_]*} or dotted paths of them ({@code terms.text}). The separator cannot occur inside any
 * part, so no two contexts share the same bytes.
 */
public record SealContext(UUID agreementId, String table, String field) {

    /** The table name used for fields of event payloads. */
    public static final String EVENT = "event";

    /** Checked char by char (a context is made for every sealed field of every event read): see the class comment. */
    public SealContext {
        Objects.requireNonNull(agreementId, "a seal context needs the agreement id");
        if (!isTable(table)) {
            throw new IllegalArgumentException("a seal context's table must match [a-z][a-z0-9_]*: " + table);
        }
        if (!isField(field)) {
            throw new IllegalArgumentException("a seal context's field must be a name or dotted path: " + field);
        }
    }

    /** {@code [a-z][a-z0-9_]*} */
    static boolean isTable(String table) {
        if (table == null || table.isEmpty() || !lower(table.charAt(0))) {
            return false;
        }
        for (int i = 1; i < table.length(); i++) {
            char c = table.charAt(i);
            if (!lower(c) && !digit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)*} */
    static boolean isField(String field) {
        if (field == null) {
            return false;
        }
        boolean nameStarts = true;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (nameStarts) {
                if (!lower(c)) {
                    return false;
                }
                nameStarts = false;
            } else if (c == '.') {
                nameStarts = true;
            } else if (!lower(c) && !(c >= 'A' && c <= 'Z') && !digit(c) && c != '_') {
                return false;
            }
        }
        return !nameStarts;
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A field of an event payload (record component names, dotted for nested records: {@code terms.text}). */
    public static SealContext event(UUID agreementId, String field) {
        return new SealContext(agreementId, EVENT, field);
    }

    /** A column of a read-model table. */
    public static SealContext column(UUID agreementId, String table, String column) {
        return new SealContext(agreementId, table, column);
    }

    byte[] associatedData() {
        return ("sa-seal/v1|" + agreementId + "|" + table + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
