package org.sharedagreements.command.web;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import static org.sharedagreements.kernel.TextRules.NOTE_MAX;

/** A breach resolution or a red flag addressed; the body itself is optional. */
@Schema(name = "Note")
public record NoteRequest(@PlainText(max = NOTE_MAX) @Schema(maxLength = NOTE_MAX) @Confidential String note) {

    static final NoteRequest NONE = new NoteRequest("");

    public NoteRequest {
        note = note == null ? "" : note;
    }

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
