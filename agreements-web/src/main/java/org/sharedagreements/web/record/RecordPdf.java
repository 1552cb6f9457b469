package org.sharedagreements.web.record;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The {@link AgreementRecord} as a PDF (OpenPDF): its title, the agreement's title, each boundary in force with its
 * terms and history, and the verification with the moment it was produced. The text is set in the Liberation Sans
 * that OpenPDF ships, embedded (Identity-H), so statements in any script it covers print as written, not as
 * question marks of the 14 standard fonts' Latin-1.
 */
final class RecordPdf {

    private static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";
    private static final byte[] FONT_BYTES = fontBytes();

    private RecordPdf() {
    }

    static byte[] write(AgreementRecord record, MessageSource messages, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            String heading = messages.getMessage("web.record.record.title", null, locale);
            document.addTitle(heading);
            document.addCreator(messages.getMessage("web.service", null, locale));
            document.open();
            BaseFont base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, FONT_BYTES, null);
            Font title = new Font(base, 18, Font.BOLD);
            Font section = new Font(base, 14, Font.BOLD);
            Font subsection = new Font(base, 12, Font.BOLD);
            Font body = new Font(base, 10);

            document.add(new Paragraph(heading, title));
            document.add(new Paragraph(record.title(), section));
            document.add(new Paragraph(messages.getMessage("web.record.record.produced",
                    new Object[]{record.producedAt().text()}, locale), body));
            document.add(new Paragraph(messages.getMessage("web.record.record.intro", null, locale), body));

            document.add(spaced(messages.getMessage("web.record.record.boundaries", null, locale), section));
            if (record.boundaries().isEmpty()) {
                document.add(new Paragraph(messages.getMessage("web.record.record.none", null, locale), body));
            }
            for (AgreementRecord.Entry entry : record.boundaries()) {
                document.add(spaced(entry.statement(), subsection));
                document.add(new Paragraph(entry.status(), body));
                for (AgreementRecord.Term term : entry.terms()) {
                    Paragraph line = new Paragraph();
                    line.add(new Chunk(term.label() + ": ", new Font(base, 10, Font.BOLD)));
                    line.add(new Chunk(term.value(), body));
                    document.add(line);
                }
                document.add(new Paragraph(messages.getMessage("web.record.record.history", null, locale),
                        new Font(base, 10, Font.BOLD)));
                for (String line : entry.history()) {
                    document.add(new Paragraph("\u2022 " + line, body));
                }
            }

            AgreementRecord.Verified verification = record.verification();
            document.add(spaced(messages.getMessage("web.record.verification.heading", null, locale), section));
            document.add(new Paragraph(verification.verdict(), body));
            document.add(new Paragraph(messages.getMessage("web.record.verification.events",
                    new Object[]{verification.eventCount()}, locale), body));
            document.add(new Paragraph(messages.getMessage("web.record.verification.head",
                    new Object[]{verification.headHash() == null ? "" : verification.headHash()}, locale), body));
            document.add(new Paragraph(messages.getMessage("web.record.verification.checkpoints",
                    new Object[]{verification.checkpointCount()}, locale), body));
            document.add(new Paragraph(verification.checkpoint(), body));
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the record could not be written as a PDF", e);
        }
        return out.toByteArray();
    }

    private static Paragraph spaced(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(12);
        paragraph.setAlignment(Element.ALIGN_LEFT);
        return paragraph;
    }

    private static byte[] fontBytes() {
        try (InputStream font = RecordPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("OpenPDF's " + FONT + " is not on the class path");
            }
            return font.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
