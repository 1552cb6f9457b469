package org.sharedagreements.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (or of a value inside one) as content: free text a partner wrote, or a
 * boundary's category. Content is encrypted in the stored event under the agreement's own data key, and reads as
 * {@value #ERASED} (text) or {@code null} (category) once the agreement is erased and its key destroyed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Confidential {

    /** What erased text reads as. */
    String ERASED = "[erased]";
}
