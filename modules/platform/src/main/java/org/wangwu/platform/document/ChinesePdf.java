package org.wangwu.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints a record in Chinese on A4 (a mediation agreement, meeting minutes, a resolution notice) for
 * signing or posting. Text is set in WenQuanYi Micro Hei, shipped in the platform's resources
 * (Apache-2.0), of which each PDF embeds only the glyphs it uses; so the PDF prints the same on any
 * machine, with or without CJK fonts installed.
 */
public final class ChinesePdf {

    private static final String FONT = "/fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final float MARGIN = 64;
    private static final float TITLE_SIZE = 20;
    private static final float BODY_SIZE = 12;
    private static final float LEADING = 1.6f;
    private static final byte[] FONT_BYTES = readFont();
    private static final String NO_LINE_START = "，。、；：！？）》」』】,.;:!?)";

    private ChinesePdf() {
    }

    /** The first line of {@code text} is the title; the rest is the body, wrapped to the page. */
    public static byte[] render(String title, String text) {
        try (TrueTypeCollection fonts = new TrueTypeCollection(new java.io.ByteArrayInputStream(FONT_BYTES));
             PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = fonts.getFontByName(FONT_NAME);
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Wangwu");
            new Writer(doc, font, ttf.getUnicodeCmapLookup()).write(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be printed", e);
        }
    }

    /** Lays lines out top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final CmapLookup glyphs;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font, CmapLookup glyphs) {
            this.doc = doc;
            this.font = font;
            this.glyphs = glyphs;
        }

        void write(String text) throws IOException {
            String[] lines = text.strip().split("\\R", -1);
            newPage();
            boolean first = true;
            for (String line : lines) {
                if (first) {
                    centred(printable(line.strip()), TITLE_SIZE);
                    y -= BODY_SIZE * LEADING;
                    first = false;
                    continue;
                }
                for (String wrapped : wrap(printable(line), BODY_SIZE)) {
                    line(wrapped, BODY_SIZE, MARGIN);
                }
            }
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void centred(String text, float size) throws IOException {
            float w = font.getStringWidth(text) / 1000 * size;
            line(text, size, MARGIN + Math.max(0, (width - w) / 2));
        }

        private void line(String text, float size, float x) throws IOException {
            if (y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
            if (!text.isEmpty()) {
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(x, y);
                stream.showText(text);
                stream.endText();
            }
        }

        /** Chinese has no spaces to break at: break at the last character that fits. */
        private List<String> wrap(String text, float size) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                // Closing punctuation never starts a line (禁则): it stays with the line before.
                if (used + w > width && current.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    used = 0;
                }
                current.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            out.add(current.toString());
            return out;
        }

        /** A character the font lacks (or a control character) prints as a full-width question mark rather than failing. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                boolean ok = !Character.isISOControl(cp) && glyphs.getGlyphId(cp) != 0;
                out.appendCodePoint(cp == '\t' ? ' ' : ok ? cp : '？');
            });
            return out.toString();
        }
    }

    private static byte[] readFont() {
        try (InputStream in = ChinesePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT + " is missing from the platform");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
