package uk.gov.essex.mace.profile;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small top-to-bottom page writer over PDFBox: headings, wrapped text, tables and horizontal bar
 * charts on A4 pages, starting a new page when one is full. Text is limited to what the standard
 * Helvetica font can encode (other characters become {@code ?}).
 */
final class PdfWriter implements AutoCloseable {

    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color BAR = new Color(0x1d, 0x70, 0xb8);
    private static final Color WITHHELD = new Color(0xb1, 0xb4, 0xb6);

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final String footer;
    private PDPageContentStream page;
    private float y;
    private int pages;

    PdfWriter(PDDocument document, String footer) {
        this.document = document;
        this.footer = footer;
        newPage();
    }

    void heading(String text, float size) {
        space(size + 10);
        write(bold, size, MARGIN, y - size, text);
        y -= size + 8;
    }

    void paragraph(String text, float size) {
        for (String line : wrap(safe(text), size, WIDTH)) {
            space(size + 4);
            write(regular, size, MARGIN, y - size, line);
            y -= size + 4;
        }
        y -= 4;
    }

    /** A table: the first column left-aligned text, the others right-aligned, each in its share of the width. */
    void table(List<String> header, List<List<String>> rows, float[] shares) {
        row(header, shares, true);
        for (List<String> row : rows) {
            row(row, shares, false);
        }
        y -= 6;
    }

    /** A horizontal bar per label; a withheld value is a short grey bar marked {@value Count#FEWER_THAN_5}. */
    void bars(List<String> labels, List<Count> values) {
        long max = Math.max(1, values.stream().filter(c -> !c.suppressed()).mapToLong(Count::value).max().orElse(1));
        float labelWidth = WIDTH * 0.38f;
        float barSpace = WIDTH * 0.5f;
        for (int i = 0; i < labels.size(); i++) {
            Count c = values.get(i);
            space(14);
            write(regular, 8, MARGIN, y - 9, fit(safe(labels.get(i)), 8, labelWidth - 4));
            float length = c.suppressed() ? 6 : barSpace * c.value() / max;
            fill(c.suppressed() ? WITHHELD : BAR, MARGIN + labelWidth, y - 10, Math.max(length, 0.5f), 9);
            write(regular, 8, MARGIN + labelWidth + length + 4, y - 9, c.display());
            y -= 13;
        }
        y -= 6;
    }

    private void row(List<String> cells, float[] shares, boolean header) {
        space(14);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float w = WIDTH * shares[i];
            String text = fit(safe(cells.get(i)), 8, w - 4);
            PDType1Font font = header ? bold : regular;
            float tx = i == 0 ? x : x + w - 4 - width(font, 8, text);
            write(font, 8, tx, y - 9, text);
            x += w;
        }
        y -= 13;
    }

    private void space(float needed) {
        if (y - needed < MARGIN + 16) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
            write(regular, 7, MARGIN, MARGIN - 14, safe(footer) + "   page " + pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float size, float x, float baseline, String text) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(Color color, float x, float top, float w, float h) {
        try {
            page.setNonStrokingColor(color);
            page.addRect(x, top, w, h);
            page.fill();
            page.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(regular, size, candidate) > maxWidth && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String fit(String text, float size, float maxWidth) {
        String t = text;
        while (t.length() > 1 && width(regular, size, t) > maxWidth) {
            t = t.substring(0, t.length() - 2) + "~";
        }
        return t;
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what Helvetica's WinAnsi encoding can show: printable Latin-1. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append((c >= 32 && c <= 126) || (c >= 160 && c <= 255) ? (char) c
                : Character.isWhitespace(c) ? ' ' : '?'));
        return out.toString();
    }

    @Override
    public void close() {
        try {
            page.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
