package io.connectorkit.simulator.archive.mime;

/**
 * How a line-oriented generated document is framed: a fixed head and tail around lines of words.
 * The last line carries filler words of an exact length, which is how a document hits an exact
 * size. Heads and tails do not depend on the seed, so the smallest valid size is a constant.
 */
enum LineStyle {
    TEXT("", "") {
        @Override
        String prefix(long n) {
            return "";
        }

        @Override
        String suffix(long n) {
            return "\n";
        }
    },
    CSV("row,date,quantity,amount,notes\n", "") {
        @Override
        String prefix(long n) {
            return (n + 1) + ",2024-" + two(1 + n % 12) + "-" + two(1 + n % 28) + "," + (1 + n * 7 % 50) + ","
                    + (n * 37 % 10_000) + "." + two(n % 100) + ",";
        }

        @Override
        String suffix(long n) {
            return "\n";
        }
    },
    HTML("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Attachment</title></head>\n<body>\n",
            "</body></html>\n") {
        @Override
        String prefix(long n) {
            return n == 0 ? "<h1>" : "<p>";
        }

        @Override
        String suffix(long n) {
            return n == 0 ? "</h1>\n" : "</p>\n";
        }
    },
    WORD_XML("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n",
            "<w:sectPr/></w:body></w:document>\n") {
        @Override
        String prefix(long n) {
            return "<w:p><w:r><w:t>";
        }

        @Override
        String suffix(long n) {
            return "</w:t></w:r></w:p>\n";
        }
    },
    SHEET_XML("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\n",
            "</sheetData></worksheet>\n") {
        @Override
        String prefix(long n) {
            long r = n + 1;
            return "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>";
        }

        @Override
        String suffix(long n) {
            long r = n + 1;
            return "</t></is></c><c r=\"B" + r + "\"><v>" + (n * 37 % 10_000) + "</v></c></row>\n";
        }
    };

    /**
     * Room always left for the last line's prefix and suffix: under 100 bytes but for a worksheet
     * row past a million, whose smaller filler still never goes negative.
     */
    static final int LAST_LINE_RESERVE = 96;
    /** Filler the smallest document still has, enough for the whole headline. */
    static final int MINIMUM_FILLER = 72;

    private final String head;
    private final String tail;

    LineStyle(String head, String tail) {
        this.head = head;
        this.tail = tail;
    }

    String head() {
        return head;
    }

    String tail() {
        return tail;
    }

    /** What comes before the words of line n (from 0); the last line holds filler words. */
    abstract String prefix(long n);

    /** What comes after the words of line n. */
    abstract String suffix(long n);

    /** The smallest size a document of this style is generated at. */
    long minimumSize() {
        return head.length() + tail.length() + LAST_LINE_RESERVE + MINIMUM_FILLER;
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
