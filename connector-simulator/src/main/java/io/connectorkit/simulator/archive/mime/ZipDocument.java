package io.connectorkit.simulator.archive.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Zip-based attachments of an exact size: a DOCX, an XLSX or a plain zip. Each is a few fixed
 * small entries plus one main entry of generated lines whose length absorbs the requested size.
 */
enum ZipDocument {
    DOCX("word/document.xml", LineStyle.WORD_XML, Map.of(
            "[Content_Types].xml", types("<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"),
            "_rels/.rels", rels("word/document.xml"))),
    XLSX("xl/worksheets/sheet1.xml", LineStyle.SHEET_XML, Map.of(
            "[Content_Types].xml", types("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"),
            "_rels/.rels", rels("xl/workbook.xml"),
            "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Report\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>\n",
            "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>\n")),
    ZIP("notes.txt", LineStyle.TEXT, Map.of(
            "README.txt", "Exported notes. The file notes.txt holds the text.\n"));

    private final String mainName;
    private final LineStyle style;
    private final Map<String, String> fixed;

    ZipDocument(String mainName, LineStyle style, Map<String, String> fixed) {
        this.mainName = mainName;
        this.style = style;
        this.fixed = fixed;
    }

    long minimumSize() {
        return overhead() + ZipWriter.entryLength(mainName, style.minimumSize(), 1);
    }

    void write(long seed, long size, OutputStream out) throws IOException {
        if (size < minimumSize() || size > ZipWriter.MAXIMUM_SIZE) {
            throw new IllegalArgumentException("a generated " + this + " must be between " + minimumSize() + " and "
                    + ZipWriter.MAXIMUM_SIZE + " bytes, got " + size);
        }
        long compressed = size - overhead() - ZipWriter.entryLength(mainName, 0, 0);
        long blocks = ZipWriter.blocksForCompressed(compressed);
        long mainSize = compressed - 5 * blocks;
        ZipWriter zip = new ZipWriter(out);
        // Content types first: some readers sniff the first entry.
        for (String name : fixed.keySet().stream().sorted().toList()) {
            byte[] bytes = fixed.get(name).getBytes(StandardCharsets.US_ASCII);
            zip.entry(name, bytes.length, o -> o.write(bytes));
        }
        zip.entry(mainName, mainSize, blocks, o -> LineDocument.write(style, seed, mainSize, o));
        zip.finish();
    }

    private long overhead() {
        long total = ZipWriter.END_LENGTH;
        for (Map.Entry<String, String> e : fixed.entrySet()) {
            total += ZipWriter.entryLength(e.getKey(), e.getValue().length(), ZipWriter.blocks(e.getValue().length()));
        }
        return total;
    }

    private static String types(String overrides) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + overrides + "</Types>\n";
    }

    private static String rels(String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"" + target + "\"/></Relationships>\n";
    }
}
