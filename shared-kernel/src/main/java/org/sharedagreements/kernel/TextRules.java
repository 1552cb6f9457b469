package org.sharedagreements.kernel;

/**
 * The limits of the texts a partner writes (in code points) and the rule every such text follows: well-formed
 * Unicode without control characters (tab and line breaks allowed); a required text is not blank. The API's
 * request constraints and the contract's numbers both come from here.
 */
public final class TextRules {

    public static final int TITLE_MAX = 200;
    public static final int STATEMENT_MAX = 2000;
    /** {@code measure}, {@code consequence}, {@code reason} and {@code note}. */
    public static final int NOTE_MAX = 2000;
    public static final int DESCRIPTION_MAX = 4000;
    /** A user id ({@code sub}): a partner's or a counsellor's. */
    public static final int USER_ID_MAX = PartnerId.MAX_LENGTH;

    private TextRules() {
    }

    /** Why {@code value} is not a text of {@code min..max} code points, or {@code null} when it is one. */
    public static String problem(String value, int min, int max) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must be well-formed Unicode";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must be well-formed Unicode";
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters";
            }
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return min > 0 ? "must have " + min + " to " + max + " characters"
                    : "must have at most " + max + " characters";
        }
        if (min > 0 && value.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
