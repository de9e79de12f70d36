package io.connectorkit.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a {@code .properties} file into its entries the way
 * {@link java.util.Properties#load(java.io.Reader)} does (comments, continuation lines, the
 * {@code =}, {@code :} or blank between key and value), but keeps each value as written, with
 * the line it starts on. {@link java.util.Properties} drops every single backslash
 * ({@code ^carol\.smith} becomes {@code ^carol.smith}) and keeps the last of two equal keys
 * without a word; {@link ConfigLoader} decides per key what a backslash means and refuses a
 * key given twice, and needs the text and the line for that.
 */
final class PropertiesFile {
    private PropertiesFile() {
    }

    /**
     * One {@code key=value} of a file.
     *
     * @param key the key, its escapes decoded as {@link java.util.Properties} decodes them
     * @param raw the value as written: continuation lines joined (their backslash, line break and
     *     leading blanks removed), every other backslash kept
     * @param line the line the entry starts on, from 1
     */
    record Entry(String key, String raw, int line) {
    }

    /**
     * Reads the entries of a file's text.
     *
     * @param text the file's content
     * @return the entries in file order, duplicates included
     * @throws IllegalArgumentException if a key holds a malformed <code>&#92;uXXXX</code> escape
     */
    static List<Entry> parse(String text) {
        List<String> lines = text.lines().toList();
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int start = i;
            String first = stripLeading(lines.get(i));
            i++;
            if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(first);
            while (endsWithContinuation(logical) && i < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines.get(i)));
                i++;
            }
            if (endsWithContinuation(logical)) {
                // A continuation on the last line continues into nothing.
                logical.setLength(logical.length() - 1);
            }
            entries.add(entry(logical.toString(), start + 1));
        }
        return entries;
    }

    private static Entry entry(String line, int number) {
        int keyEnd = 0;
        boolean escaped = false;
        while (keyEnd < line.length()) {
            char c = line.charAt(keyEnd);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '=' || c == ':' || isBlank(c)) {
                break;
            }
            keyEnd++;
        }
        int valueStart = keyEnd;
        while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
            valueStart++;
            while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
                valueStart++;
            }
        }
        return new Entry(decode(line.substring(0, keyEnd)), line.substring(valueStart), number);
    }

    /**
     * Decodes the escapes of a text as {@link java.util.Properties} does: {@code \t}, {@code \n},
     * {@code \r}, {@code \f}, <code>&#92;uXXXX</code>, and a backslash before any other character stands
     * for that character.
     *
     * @param text the text as written
     * @return the decoded text
     * @throws IllegalArgumentException if a <code>&#92;uXXXX</code> escape is malformed
     */
    static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(unicode(text, i + 1));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /**
     * The character of the four hexadecimal digits at {@code from}.
     *
     * @throws IllegalArgumentException if there are not four hexadecimal digits
     */
    static char unicode(String text, int from) {
        if (from + 4 > text.length()) {
            throw new IllegalArgumentException("Malformed \\uxxxx encoding");
        }
        try {
            return (char) Integer.parseInt(text.substring(from, from + 4), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed \\uxxxx encoding", e);
        }
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
