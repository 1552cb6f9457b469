package org.sharedagreements.app.hostile;

import java.util.List;

/**
 * One endpoint of the contract as the hostile-input test sees it: method, path template ({@code {a}} agreement,
 * {@code {b}} boundary, {@code {r}} breach, {@code {f}} red flag, {@code {c}} counsellor), and its body fields.
 */
record Endpoint(String method, String template, BodyKind body, List<Field> fields, boolean readsIfMatch) {

    enum BodyKind { NONE, JSON, OPTIONAL_JSON }

    enum Kind { TEXT, OPTIONAL_TEXT, ENUM, INT, UUID, INSTANT, PERIOD }

    record Field(String name, Kind kind, int min, int max) {
        static Field text(String name, int max) {
            return new Field(name, Kind.TEXT, 1, max);
        }

        static Field optional(String name) {
            return new Field(name, Kind.OPTIONAL_TEXT, 0, 2000);
        }

        static Field of(String name, Kind kind) {
            return new Field(name, kind, 0, 0);
        }
    }

    boolean command() {
        return !method.equals("GET");
    }

    boolean draft() {
        return template.equals("/api/agreements") && method.equals("POST");
    }

    static final List<Field> TERMS = List.of(Field.of("category", Kind.ENUM), Field.text("statement", 2000),
            Field.optional("measure"), Field.optional("consequence"), Field.of("reviewEvery", Kind.PERIOD));

    static final List<Endpoint> COMMANDS = List.of(
            new Endpoint("POST", "/api/agreements", BodyKind.JSON, List.of(Field.text("title", 200)), false),
            new Endpoint("POST", "/api/agreements/{a}/invitations", BodyKind.JSON,
                    List.of(Field.text("partnerId", 128)), true),
            new Endpoint("POST", "/api/agreements/{a}/join", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/leave", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries", BodyKind.JSON, TERMS, true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/acceptances", BodyKind.JSON,
                    List.of(Field.of("boundaryVersion", Kind.INT)), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/declines", BodyKind.JSON,
                    List.of(Field.of("boundaryVersion", Kind.INT), Field.optional("reason")), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/withdrawal", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/revisions", BodyKind.JSON, TERMS, true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/consent-withdrawals", BodyKind.OPTIONAL_JSON,
                    List.of(Field.optional("reason")), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/reaffirmations", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/boundaries/{b}/retirements", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/breaches", BodyKind.JSON,
                    List.of(Field.of("boundaryId", Kind.UUID), Field.text("breachedBy", 128),
                            Field.text("description", 4000), Field.of("occurredAt", Kind.INSTANT)), true),
            new Endpoint("POST", "/api/agreements/{a}/breaches/{r}/acknowledgement", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/breaches/{r}/resolutions", BodyKind.OPTIONAL_JSON,
                    List.of(Field.optional("note")), true),
            new Endpoint("POST", "/api/agreements/{a}/red-flags", BodyKind.JSON,
                    List.of(Field.of("indicator", Kind.ENUM), Field.optional("note")), true),
            new Endpoint("POST", "/api/agreements/{a}/red-flags/{f}/addressing", BodyKind.OPTIONAL_JSON,
                    List.of(Field.optional("note")), true),
            new Endpoint("POST", "/api/agreements/{a}/counsellors", BodyKind.JSON,
                    List.of(Field.text("counsellorId", 128)), true),
            new Endpoint("POST", "/api/agreements/{a}/counsellors/{c}/approvals", BodyKind.NONE, List.of(), true),
            new Endpoint("DELETE", "/api/agreements/{a}/counsellors/{c}", BodyKind.NONE, List.of(), true),
            new Endpoint("POST", "/api/agreements/{a}/erasure", BodyKind.NONE, List.of(), true));

    /** Query endpoints with their query parameters ({@code minVersion} on all). */
    record Query(String template, List<String> parameters) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("/api/agreements", List.of("minVersion", "agreementId")),
            new Query("/api/agreements/{a}", List.of("minVersion", "asOf")),
            new Query("/api/agreements/{a}/timeline", List.of("minVersion", "after", "limit")),
            new Query("/api/agreements/{a}/boundaries/{b}/history", List.of("minVersion")),
            new Query("/api/counsellor/caseload", List.of("minVersion", "agreementId")));
}
