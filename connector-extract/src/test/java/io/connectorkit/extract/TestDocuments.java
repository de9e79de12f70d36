package io.connectorkit.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real documents generated with the libraries Tika itself uses (PDFBox, POI, java.util.zip). */
final class TestDocuments {
    private TestDocuments() {
    }

    static byte[] pdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            doc.getDocumentInformation().setTitle("Generated for a test");
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String sheetName, String label, double value) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue(value);
            book.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A message with a text body and a forwarded message attached, which itself carries a PDF
     * attachment.
     */
    static byte[] nestedEml(String outerBody, String innerBody, byte[] innerPdf) {
        String inner = "From: carol@example.com\r\n"
                + "To: alice@example.com\r\n"
                + "Subject: Original report\r\n"
                + "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"inner-boundary\"\r\n"
                + "\r\n"
                + "--inner-boundary\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + innerBody + "\r\n"
                + "--inner-boundary\r\n"
                + "Content-Type: application/pdf; name=\"report.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(innerPdf) + "\r\n"
                + "--inner-boundary--\r\n";
        String outer = "From: alice@example.com\r\n"
                + "To: bob@example.com\r\n"
                + "Subject: Fwd: Original report\r\n"
                + "Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer-boundary\"\r\n"
                + "\r\n"
                + "--outer-boundary\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + outerBody + "\r\n"
                + "--outer-boundary\r\n"
                + "Content-Type: message/rfc822\r\n"
                + "Content-Disposition: attachment; filename=\"original.eml\"\r\n"
                + "\r\n"
                + inner
                + "--outer-boundary--\r\n";
        return outer.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Archives nested {@code levels} deep, each holding {@code width} copies of the level below;
     * the bottom holds text files of {@code leafChars} characters. Nominal text is
     * {@code width^levels * leafChars} characters, in a file of a few kilobytes.
     */
    static byte[] nestedZip(int levels, int width, int leafChars) throws IOException {
        byte[] leaf = repeat("all work and no play makes jack a dull boy\n", leafChars)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] level = zip("leaf", ".txt", leaf, width);
        for (int i = 1; i < levels; i++) {
            level = zip("level" + i + "-", ".zip", level, width);
        }
        return level;
    }

    /**
     * A chain of archives {@code depth} deep, one entry each; every level holds a text file
     * naming its depth, so the text shows how deep extraction went.
     */
    static byte[] zipChain(int depth) throws IOException {
        byte[] inner = null;
        for (int d = depth; d >= 1; d--) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("marker" + d + ".txt"));
                zip.write(("depthmarker" + d + "\n").getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
                if (inner != null) {
                    zip.putNextEntry(new ZipEntry("inner" + (d + 1) + ".zip"));
                    zip.write(inner);
                    zip.closeEntry();
                }
            }
            inner = out.toByteArray();
        }
        return inner;
    }

    static String repeat(String unit, int chars) {
        StringBuilder text = new StringBuilder(chars + unit.length());
        while (text.length() < chars) {
            text.append(unit);
        }
        text.setLength(chars);
        return text.toString();
    }

    private static byte[] zip(String prefix, String suffix, byte[] entry, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(prefix + i + suffix));
                zip.write(entry);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
