package org.sharedagreements.kernel;

/**
 * A value a client sent that the API does not accept, with what is wrong in words a client may read
 * ({@code must be a UUID}). The field is named where it is known ({@code If-Match}, {@code sub}); a value object
 * that cannot know which field it was read from leaves it {@code null} for the reader to fill in.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The field, header or parameter, or {@code null} when the value object does not know it. */
    public String field() {
        return field;
    }

    public String problem() {
        return getMessage();
    }
}
