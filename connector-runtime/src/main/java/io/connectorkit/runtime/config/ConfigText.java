package io.connectorkit.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a configuration file as its author wrote it: UTF-8, without the byte-order mark
 * that Windows editors put at the start (left in, it would become part of the first key, which
 * then is not the key the line sets). CRLF line endings need nothing: the properties format ends a
 * line at either.
 */
public final class ConfigText {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigText() {
    }

    /**
     * @param file the file
     * @return its text, a leading byte-order mark removed
     * @throws IOException if it cannot be read, or is not UTF-8
     */
    public static String read(Path file) throws IOException {
        return withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * @param text a file's text
     * @return the text without a leading byte-order mark
     */
    public static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
