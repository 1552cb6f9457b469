package org.sharedagreements.app.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.sharedagreements.kernel.TextRules;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Generators of hostile values: injections, malformed JSON, unicode edge cases, wrong types. */
final class HostileValues {

    private HostileValues() {
    }

    /** Payloads of every family the service must treat as plain data. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "1; DELETE FROM agreement_state", "\" OR \"\"=\"",
            "') UNION SELECT payload FROM domain_event_entry --", "$1", "E'\\\\x41'", "%' AND pg_sleep(5) --",
            "{\"$ne\": null}", "\"}, \"status\": \"ACTIVE", "\\u0000", "\\\"", "</script><script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "%s%s%s%n", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "file:///etc/passwd", "x\r\nSet-Cookie: a=b",
            "x\nLocation: http://evil", "org.sharedagreements.app.AgreementsApplication", "java.lang.Runtime",
            "null", "undefined", "NaN", "-0", "1e309", "[]", "{}", "true", "SELECT * FROM token_entry");

    /** Unicode that trips naive code: emoji, astral letters, bidi overrides, zero-width, combining marks, BOM. */
    static final List<String> UNICODE = List.of(
            "😀👩‍❤️‍👨🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕬𝖌𝖗𝖊𝖊𝖒𝖊𝖓𝖙", "\u202Egnp.exe", "zero\u200Bwidth\u200D", "e\u0301\u0301\u0301\u0301",
            "\uFEFFbom", "Ｆｕｌｌｗｉｄｔｈ", "ﷺ", "ا߿ߐ", "中文字符", "한국어", "\u2028line\u2029para", "Z̷̢̛a̴l̸g̶o̵",
            "\uD83D\uDE00".repeat(70), "\u0130stanbul", "ß".repeat(3), "\uFFFD", "\uFFFF");

    /** Lone surrogates and control characters: never well-formed text for this API. */
    static final List<String> ILL_FORMED = List.of("a\uD800b", "\uDC00", "x\uDBFF", "a\u0000b", "\u0001", "a\u0007b",
            "\u001B[31mred", "\u007F", "a\u0085b", "\u009Bx");

    static Arbitrary<String> anyHostileText() {
        return Arbitraries.oneOf(
                Arbitraries.of(INJECTIONS),
                Arbitraries.of(UNICODE),
                Arbitraries.of(ILL_FORMED),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(120),
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(60));
    }

    /** Hostile text that is still valid for a field of {@code min..max} code points: it must reach the domain. */
    static Arbitrary<String> validHostileText(int max) {
        return Arbitraries.oneOf(
                Arbitraries.of(INJECTIONS),
                Arbitraries.of(UNICODE),
                Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(200),
                Arbitraries.strings().withChars("😀𝕬ا中\u200B\u202E'\";%<>{}$\\").ofMinLength(1).ofMaxLength(64))
                .filter(text -> TextRules.problem(text, 1, max) == null);
    }

    /** Text that breaks one of the contract's text rules for a field of {@code min..max} code points. */
    static Arbitrary<String> invalidText(int min, int max) {
        Arbitrary<String> tooLong = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(max + 1),
                Arbitraries.just("😀".repeat(max + 1)),
                Arbitraries.strings().withChars("'\";𝕬中").ofMinLength(max + 1).ofMaxLength(max + 300));
        Arbitrary<String> illFormed = Arbitraries.of(ILL_FORMED);
        return min > 0
                ? Arbitraries.oneOf(tooLong, illFormed, Arbitraries.of("", " ", "\t\n ", "\u2028"))
                        .filter(text -> TextRules.problem(text, min, max) != null)
                : Arbitraries.oneOf(tooLong, illFormed).filter(text -> TextRules.problem(text, min, max) != null);
    }

    /** A JSON value of the wrong type for a text field (not null: null means "absent" for optional fields). */
    static Arbitrary<Object> notAString() {
        return Arbitraries.of(42, -1, 3.14, true, false, List.of("x"), List.of(), Map.of("$ne", ""), Map.of(),
                Long.MAX_VALUE, new java.math.BigInteger("123456789012345678901234567890"));
    }

    /** Never a canonical UUID. */
    static Arbitrary<String> notAUuid() {
        return Arbitraries.oneOf(anyHostileText(),
                        Arbitraries.of("00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
                                "g0000000-0000-0000-0000-000000000000", UUID.randomUUID().toString().replace("-", ""),
                                "{" + UUID.randomUUID() + "}", UUID.randomUUID() + " ", " " + UUID.randomUUID()))
                .filter(text -> !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    }

    /** Bodies that are not well-formed JSON (never one that parses: no trailing garbage, no bare null). */
    static Arbitrary<String> malformedJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "{\"title\":}", "{\"title\": \"x\"", "{'title':'x'}", "{title: \"x\"}",
                        "nul", "tru", "{\"title\":\"x\",}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}",
                        "{\"title\":\"a\",\"title\":\"b\"}", "{\"note\":\"a\",\"note\":\"b\"}",
                        "[".repeat(5000), "{\"a\":".repeat(3000), "\u0000",
                        "{\"boundaryVersion\": 01}", "{\"boundaryVersion\": +1}", "{\"a\": NaN}", "{\"a\": .5}"),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> "{" + s.replace("}", "")),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> "[" + s.replace("]", "")),
                Arbitraries.strings().all().ofMaxLength(200).map(s -> "x" + s));
    }

    /** If-Match values that are no agreement version (each holds an ASCII letter or a sign, or overflows). */
    static Arbitrary<String> badIfMatch() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"abc\"", "\"-1\"", "\"99999999999999999999\"", "W/\"x\"", "\"1\", \"2\"", "\"1.5\"",
                        "' OR 1=1 --", "\"0x10\"", "\"1e3\"", "W/", "\"\"x", "null"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60)
                        .map(s -> "\"" + s + "q\""));
    }

    /** Idempotency keys the contract refuses: empty, or longer than 255 characters. */
    static Arbitrary<String> badIdempotencyKey() {
        return Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(256).ofMaxLength(2000));
    }

    /** Valid but hostile idempotency keys: they must be stored and compared as plain data. */
    static Arbitrary<String> hostileButValidIdempotencyKey() {
        return Arbitraries.oneOf(Arbitraries.of("'; DROP TABLE idempotency_key; --", "../../etc/passwd", "%00", "*",
                        "${jndi:ldap://x}", "\" OR \"\"=\""),
                        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(200))
                .map(key -> key + "-" + UUID.randomUUID());
    }

    /** Path segments that are not ids: raw (already encoded, traversal) or any hostile text, encoded. */
    static Arbitrary<String> hostilePathSegment() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", ".", "..;", "%2e%2e", "%2E%2E%2F%2E%2E", "%2F", "%5C", "%00", "%25", ";x=1",
                        "a;b", "%0d%0aSet-Cookie:%20x=y", "%ff%fe", "%c0%ae%c0%ae", "a%20b", "", "%20",
                        "..%2F..%2Fadmin", "%252e%252e", "~root", "*"),
                notAUuid().map(HostileValues::encode));
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
