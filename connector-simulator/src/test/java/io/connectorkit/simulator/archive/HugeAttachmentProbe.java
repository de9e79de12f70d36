package io.connectorkit.simulator.archive;

import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Run in a JVM with a small heap: reads the huge attachment of an archive back as a zip (which
 * checks every entry's CRC and sizes) and prints the raw and the unzipped byte counts.
 */
public final class HugeAttachmentProbe {
    private HugeAttachmentProbe() {
    }

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]);
        Archive archive = ArchiveGenerator.seed(500).domains(1).localDomains(0).usersPerDomain(1).messagesPerView(3)
                .hugeAttachmentBytes(size).generate();
        ArchivedMessage message = archive.message(archive.hugeAttachmentMessageId().orElseThrow()).orElseThrow();
        Attachment huge = message.attachments().get(message.attachments().size() - 1);
        long[] raw = new long[1];
        long unzipped = 0;
        StringBuilder names = new StringBuilder();
        try (InputStream counted = new FilterInputStream(huge.openStream()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                raw[0] += Math.max(n, 0);
                return n;
            }
        }; ZipInputStream zip = new ZipInputStream(counted)) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.append(entry.getName()).append(' ');
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unzipped += n;
                }
            }
            counted.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.println("type=" + huge.contentType() + " raw=" + raw[0] + " unzipped=" + unzipped + " entries="
                + names.toString().trim() + " heap=" + Runtime.getRuntime().maxMemory());
    }
}
