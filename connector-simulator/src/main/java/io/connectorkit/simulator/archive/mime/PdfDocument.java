package io.connectorkit.simulator.archive.mime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-written PDF 1.4 of an exact size: pages of Helvetica text lines, each page and its
 * content stream written as soon as it is full, then the page tree, the xref table and the
 * trailer. A comment before the page tree pads the file to the requested size; the xref offsets
 * account for it. Memory grows only with the page count (one offset per object).
 */
final class PdfDocument {
    /** Smallest size generated: one page with the headline. */
    static final long MINIMUM_SIZE = 1024;
    private static final int LINES_PER_PAGE = 48;
    private static final String HEADER = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
    private static final String CATALOG = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    private static final String FONT = "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            + "/Encoding /WinAnsiEncoding >>\nendobj\n";
    private static final String TEXT_START = "BT\n/F1 11 Tf\n14 TL\n50 750 Td\n";
    private static final String TEXT_END = "ET";

    private PdfDocument() {
    }

    static void write(long seed, long size, OutputStream target) throws IOException {
        if (size < MINIMUM_SIZE) {
            throw new IllegalArgumentException("a generated PDF needs at least " + MINIMUM_SIZE + " bytes, got " + size);
        }
        OutputStream out = new BufferedOutputStream(target, 16 * 1024);
        TextLines lines = new TextLines(seed);
        long[] offsets = new long[16];
        StringBuilder kids = new StringBuilder();
        long written = emit(out, HEADER);
        offsets[1] = written;
        written += emit(out, CATALOG);
        offsets[3] = written;
        written += emit(out, FONT);
        int pages = 0;
        StringBuilder content = new StringBuilder(TEXT_START);
        int linesOnPage = 0;
        boolean more = true;
        while (more) {
            String line = "(" + lines.next() + ") Tj T*\n";
            int pageObject = 4 + 2 * pages;
            String kid = (pages == 0 ? "" : " ") + pageObject + " 0 R";
            long needed = written + pageLength(pageObject, content.length() + line.length() + TEXT_END.length())
                    + tailLength(pages + 1, kids.length() + kid.length());
            more = needed <= size;
            if (!more && linesOnPage == 0 && pages > 0) {
                break;
            }
            if (more || linesOnPage == 0 && pages == 0) {
                content.append(line);
                linesOnPage++;
            }
            if (!more || linesOnPage == LINES_PER_PAGE) {
                offsets = grow(offsets, pageObject + 2);
                offsets[pageObject] = written;
                content.append(TEXT_END);
                String page = page(pageObject, content.toString());
                offsets[pageObject + 1] = written + page.indexOf((pageObject + 1) + " 0 obj\n");
                written += emit(out, page);
                kids.append(kid);
                pages++;
                content.setLength(0);
                content.append(TEXT_START);
                linesOnPage = 0;
            }
        }
        int objects = 4 + 2 * pages;
        String pageTree = "2 0 obj\n<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>\nendobj\n";
        String xrefHead = "xref\n0 " + objects + "\n0000000000 65535 f \n";
        String trailer = "trailer\n<< /Size " + objects + " /Root 1 0 R >>\nstartxref\n";
        long fixedTail = pageTree.length() + xrefHead.length() + 20L * (objects - 1) + trailer.length()
                + "\n%%EOF\n".length();
        // The startxref field takes `field` bytes: the offset's digits, then spaces when the
        // offset has fewer digits (at 999 against 1000 neither count fits exactly).
        long xref = -1;
        int field = 0;
        for (int digits = 1; digits <= 19 && xref < 0; digits++) {
            long candidate = size - fixedTail - digits + pageTree.length();
            if (Long.toString(candidate).length() <= digits) {
                xref = candidate;
                field = digits;
            }
        }
        long padding = xref - pageTree.length() - written;
        if (xref < 0 || padding < 0) {
            throw new IllegalStateException("PDF layout overran " + size + " bytes by " + -padding);
        }
        written += emit(out, padding(padding));
        offsets[2] = written;
        emit(out, pageTree);
        StringBuilder table = new StringBuilder(xrefHead);
        for (int i = 1; i < objects; i++) {
            String offset = Long.toString(offsets[i]);
            table.append("0000000000", offset.length(), 10).append(offset).append(" 00000 n \n");
        }
        String startxref = Long.toString(xref);
        table.append(trailer).append(startxref).append(" ".repeat(field - startxref.length()));
        emit(out, table.append("\n%%EOF\n").toString());
        out.flush();
    }

    private static String page(int number, String content) {
        return number + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R"
                + " >> >> /Contents " + (number + 1) + " 0 R >>\nendobj\n" + (number + 1) + " 0 obj\n<< /Length "
                + content.length() + " >>\nstream\n" + content + "\nendstream\nendobj\n";
    }

    private static long pageLength(int number, int contentLength) {
        return page(number, "").length() + contentLength + Integer.toString(contentLength).length() - 1;
    }

    /** An upper bound of what follows the last page: padding aside, the tree, xref and trailer. */
    private static long tailLength(int pages, int kidsLength) {
        int objects = 4 + 2 * pages;
        int digits = Integer.toString(objects).length();
        // tree 51 + kids + count, xref head 28, trailer 43, startxref at most 19 digits, "%%EOF" line 7
        return 51 + kidsLength + Integer.toString(pages).length() + 28 + 20L * (objects - 1) + 43 + 2L * digits
                + 19 + 7;
    }

    /** Whitespace, which PDF allows between objects. */
    private static String padding(long length) {
        return length == 0 ? "" : " ".repeat((int) length - 1) + "\n";
    }

    private static long[] grow(long[] offsets, int needed) {
        return needed <= offsets.length ? offsets : Arrays.copyOf(offsets, Math.max(needed, offsets.length * 2));
    }

    private static long emit(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        return bytes.length;
    }
}
