package io.connectorkit.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (attachments of a message, entries of an archive, objects in an
 * Office file) into the same text, up to a nesting depth and a total count per content. Beyond
 * either limit embedded documents are skipped and the text is marked truncated; this stops
 * archives nested like a zip bomb from multiplying the work. One instance per parse: it counts.
 */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int maxDepth;
    private final int maxCount;
    private int depth;
    private int count;
    private boolean limitReached;

    LimitedEmbeddedExtractor(ParseContext context, int maxDepth, int maxCount) {
        super(context);
        this.maxDepth = maxDepth;
        this.maxCount = maxCount;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return withinLimits() && super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        // Some parsers call this without asking shouldParseEmbedded first.
        if (!withinLimits()) {
            return;
        }
        count++;
        depth++;
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    /** Whether an embedded document was skipped because of a limit. */
    boolean limitReached() {
        return limitReached;
    }

    private boolean withinLimits() {
        if (depth >= maxDepth || count >= maxCount) {
            limitReached = true;
            return false;
        }
        return true;
    }
}
