package io.connectorkit.simulator.archive.mime;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How the bytes of an attachment are generated, chosen from its content type. Every format
 * writes a valid file of exactly the requested size (at least {@link #minimumSize()}), as a pure
 * function of the seed, streaming in bounded memory.
 */
public enum FileFormat {
    TEXT(LineStyle.TEXT.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            LineDocument.write(LineStyle.TEXT, seed, size, out);
        }
    },
    CSV(LineStyle.CSV.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            LineDocument.write(LineStyle.CSV, seed, size, out);
        }
    },
    HTML(LineStyle.HTML.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            LineDocument.write(LineStyle.HTML, seed, size, out);
        }
    },
    PDF(PdfDocument.MINIMUM_SIZE) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            PdfDocument.write(seed, size, out);
        }
    },
    DOCX(ZipDocument.DOCX.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            ZipDocument.DOCX.write(seed, size, out);
        }
    },
    XLSX(ZipDocument.XLSX.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            ZipDocument.XLSX.write(seed, size, out);
        }
    },
    ZIP(ZipDocument.ZIP.minimumSize()) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            ZipDocument.ZIP.write(seed, size, out);
        }
    },
    PNG(PngImage.MINIMUM_SIZE) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            PngImage.write(seed, size, out);
        }
    },
    /** Pseudo-random bytes, for any other type (and any size). */
    RANDOM(0) {
        @Override
        public void write(long seed, long size, OutputStream out) throws IOException {
            ContentBytes.write(seed, size, out);
        }
    };

    private final long minimumSize;

    FileFormat(long minimumSize) {
        this.minimumSize = minimumSize;
    }

    /** The format generated for a content type. */
    public static FileFormat of(String contentType) {
        return switch (contentType) {
            case "text/csv" -> CSV;
            case "text/html" -> HTML;
            case "application/pdf" -> PDF;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> DOCX;
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> XLSX;
            case "application/zip" -> ZIP;
            case "image/png" -> PNG;
            default -> contentType.startsWith("text/") ? TEXT : RANDOM;
        };
    }

    /** The smallest valid file this format writes. */
    public long minimumSize() {
        return minimumSize;
    }

    /** The largest file this format writes. */
    public long maximumSize() {
        return this == DOCX || this == XLSX || this == ZIP ? ZipWriter.MAXIMUM_SIZE : Long.MAX_VALUE;
    }

    /** Writes exactly {@code size} bytes generated from {@code seed}. */
    public abstract void write(long seed, long size, OutputStream out) throws IOException;
}
