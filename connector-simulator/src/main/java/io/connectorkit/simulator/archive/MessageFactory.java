package io.connectorkit.simulator.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.ItemRef;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.archive.mime.EmlWriter;
import io.connectorkit.simulator.archive.mime.FileFormat;
import io.connectorkit.simulator.archive.mime.Hashing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives names, dates and message content from the spec. Every method is a pure function of
 * its arguments and the spec, which is what lets the archive serve any id without storing it.
 */
final class MessageFactory {
    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "zoe"};
    private static final String[] FIRST_DISPLAY = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace",
        "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor",
        "Walter", "Zoë"};
    private static final String[] LAST = {"smith", "jones", "garcia", "muller", "rossi", "tanaka", "nguyen",
        "kowalski", "dubois", "ostrom"};
    private static final String[] LAST_DISPLAY = {"Smith", "Jones", "García", "Müller", "Rossi", "Tanaka",
        "Nguyen", "Kowalski", "Dubois", "Östrom"};
    private static final String[] PARTNERS = {"partner.net", "supplier.co.uk", "client.example.org",
        "news.example.net"};
    private static final String[] TOPICS = {"Q1 plan", "Invoice 4471", "Contract review", "Weekly status",
        "Team offsite", "Budget forecast", "Shipment delayed", "Board minutes", "Security notice", "Lunch?"};
    private static final String[] UNICODE_SUBJECTS = {"Réunion budgétaire – T3", "第2四半期の計画",
        "Отчёт за неделю", "Überprüfung der Verträge ✔", "مراجعة العقد", "Café ☕ meeting 📅",
        "Έλεγχος τιμολογίου", "naïve façade — coöperation"};
    private static final String[][] TYPES = {{"pdf", "application/pdf"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, {"png", "image/png"},
        {"txt", "text/plain"}, {"csv", "text/csv"}, {"zip", "application/zip"}, {"html", "text/html"}};
    private static final String[] FILE_STEMS = {"plan", "invoice", "minutes", "photo", "notes", "export",
        "Übersicht 2024", "報告書"};

    private final ArchiveSpec spec;
    private final int seedTag;

    MessageFactory(ArchiveSpec spec) {
        this.spec = requireNonNull(spec, "spec");
        this.seedTag = (int) Hashing.mix(spec.seed(), 0x5EED);
    }

    int seedTag() {
        return seedTag;
    }

    String domainName(int d) {
        if (d < spec.domains()) {
            return d == 0 ? "example.com" : "corp" + d + ".example.com";
        }
        return "lab" + (d - spec.domains()) + ".example.local";
    }

    Domain domain(int d) {
        String id = ArchiveIds.encode(new ItemRef(ItemRef.Kind.DOMAIN, seedTag, d, View.INBOX, 0, -1));
        String[] inbound = {"ldap", "smtp", "any", "known"};
        return new Domain(id, domainName(d), d >= spec.domains(), false, inbound[d % inbound.length]);
    }

    String mailboxAddress(int m) {
        int u = m % spec.usersPerDomain();
        int round = u / (FIRST.length * LAST.length);
        return FIRST[u % FIRST.length] + "." + LAST[(u / FIRST.length) % LAST.length] + (round > 0 ? round : "")
                + "@" + domainName(m / spec.usersPerDomain());
    }

    String displayName(int m) {
        int u = m % spec.usersPerDomain();
        return FIRST_DISPLAY[u % FIRST.length] + " " + LAST_DISPLAY[(u / FIRST.length) % LAST.length];
    }

    boolean hasAlias(int m) {
        return spec.aliasEvery() > 0 && (m % spec.usersPerDomain()) % spec.aliasEvery() == 0;
    }

    String aliasAddress(int m) {
        int u = m % spec.usersPerDomain();
        return FIRST[u % FIRST.length].charAt(0) + "." + LAST[(u / FIRST.length) % LAST.length] + u + "@"
                + domainName(m / spec.usersPerDomain());
    }

    boolean shared(int index) {
        return spec.shareEvery() > 0 && spec.mailboxCount() >= 2 && index % spec.shareEvery() == spec.shareEvery() - 1;
    }

    /** The copy in INBOX of m shares its content with the SENT copy of the next mailbox. */
    long contentKey(int m, View view, int index) {
        if (view == View.INBOX && shared(index)) {
            return Hashing.mix(spec.seed(), (m + 1) % spec.mailboxCount(), View.SENT.ordinal(), index);
        }
        return Hashing.mix(spec.seed(), m, view.ordinal(), index);
    }

    /** Received dates increase with the index, spread evenly over [start, end) with jitter. */
    Instant received(int m, View view, int index) {
        long start = spec.start().getEpochSecond();
        long span = spec.end().getEpochSecond() - start;
        long n = Math.max(1, spec.messagesPerView());
        long width = span / n;
        long jitter = width > 0 ? Math.floorMod(contentKey(m, view, index), width) : 0;
        return Instant.ofEpochSecond(start + index * span / n + jitter);
    }

    ArchivedMessage message(int m, View view, int index, Instant receivedOverride, String subjectOverride) {
        long key = contentKey(m, view, index);
        SplittableRandom rng = new SplittableRandom(key);
        String subject = subjectOverride != null ? subjectOverride : subject(rng);
        Address self = new Address(displayName(m), mailboxAddress(m));
        Address from;
        List<Address> to = new ArrayList<>();
        boolean viaAlias = false;
        if (shared(index) && view == View.INBOX) {
            int sender = (m + 1) % spec.mailboxCount();
            from = new Address(displayName(sender), mailboxAddress(sender));
            to.add(self);
        } else if (shared(index)) {
            int recipient = Math.floorMod(m - 1, spec.mailboxCount());
            from = self;
            to.add(new Address(displayName(recipient), mailboxAddress(recipient)));
        } else if (view == View.INBOX) {
            from = external(rng);
            viaAlias = hasAlias(m) && rng.nextInt(5) == 0;
            to.add(viaAlias ? new Address(displayName(m), aliasAddress(m)) : self);
        } else {
            from = self;
            to.add(external(rng));
        }
        List<Address> cc = new ArrayList<>();
        for (int c = rng.nextInt(3); c > 0; c--) {
            cc.add(external(rng));
        }
        String smash = EmlWriter.hex(Hashing.mix(key, 1)) + EmlWriter.hex(Hashing.mix(key, 2));
        String domain = from.emailAddress().substring(from.emailAddress().indexOf('@') + 1);
        String messageId = "<" + EmlWriter.hex(key) + "." + index + "@" + domain + ">";
        String text = body(rng, from, to.get(0));
        String html = "<html><body><p>" + text.replace("&", "&amp;").replace("<", "&lt;")
                .replace("\r\n\r\n", "</p><p>").replace("\r\n", "<br>") + "</p></body></html>";
        List<Attachment> attachments = attachments(rng, key, m, view, index);
        Instant received = receivedOverride != null ? receivedOverride : received(m, view, index);
        String id = ArchiveIds.encode(new ItemRef(ItemRef.Kind.MESSAGE, seedTag, m, view, index, -1));
        return new ArchivedMessage(id, mailboxAddress(m), view, received, subject, smash, messageId, from, to, cc,
                text, html, attachments, viaAlias);
    }

    private String subject(SplittableRandom rng) {
        int kind = rng.nextInt(100);
        if (kind < 5) {
            return "";
        }
        if (kind < 8) {
            StringBuilder longSubject = new StringBuilder("Very long subject ✉ ");
            int target = 1000 + rng.nextInt(1000);
            while (longSubject.length() < target) {
                longSubject.append(TOPICS[rng.nextInt(TOPICS.length)]).append(" / ");
            }
            return longSubject.toString().trim();
        }
        if (kind < 25) {
            return UNICODE_SUBJECTS[rng.nextInt(UNICODE_SUBJECTS.length)];
        }
        String[] prefixes = {"", "", "Re: ", "Fwd: "};
        return prefixes[rng.nextInt(prefixes.length)] + TOPICS[rng.nextInt(TOPICS.length)] + " #" + rng.nextInt(10000);
    }

    private Address external(SplittableRandom rng) {
        int f = rng.nextInt(FIRST.length);
        int l = rng.nextInt(LAST.length);
        String domain = PARTNERS[rng.nextInt(PARTNERS.length)];
        return new Address(FIRST_DISPLAY[f] + " " + LAST_DISPLAY[l], FIRST[f] + "." + LAST[l] + "@" + domain);
    }

    private static String body(SplittableRandom rng, Address from, Address to) {
        StringBuilder text = new StringBuilder("Hi ").append(to.displayableName()).append(",\r\n\r\n");
        for (int p = 1 + rng.nextInt(3); p > 0; p--) {
            text.append("Please find the ").append(TOPICS[rng.nextInt(TOPICS.length)].toLowerCase())
                    .append(" notes below. Reference ").append(rng.nextInt(100000)).append(".");
            if (rng.nextInt(4) == 0) {
                text.append(" ").append(UNICODE_SUBJECTS[rng.nextInt(UNICODE_SUBJECTS.length)]).append(".");
            }
            text.append("\r\n\r\n");
        }
        return text.append("Regards,\r\n").append(from.displayableName()).append("\r\n").toString();
    }

    private List<Attachment> attachments(SplittableRandom rng, long key, int m, View view, int index) {
        boolean any = rng.nextDouble() < spec.attachmentShare();
        int roll = rng.nextInt(100);
        int count = !any ? 0 : roll < 60 ? 1 : roll < 90 ? 2 : 3;
        boolean inlineImage = rng.nextInt(10) == 0 && any;
        List<Attachment> result = new ArrayList<>();
        for (int a = 0; a < count + (inlineImage ? 1 : 0); a++) {
            String id = ArchiveIds.encode(new ItemRef(ItemRef.Kind.ATTACHMENT, seedTag, m, view, index, a));
            long seed = Hashing.mix(key, 100 + a);
            long size = logUniform(rng, 64, spec.maxAttachmentBytes());
            if (a == count) {
                result.add(new Attachment(id, "image" + a + ".png", "image/png", "png", fitted(size, "image/png"),
                        "image" + a + "." + EmlWriter.hex(key) + "@inline", seed));
                continue;
            }
            String[] type = TYPES[rng.nextInt(TYPES.length)];
            boolean nameless = rng.nextInt(20) == 0;
            String name = nameless ? "" : FILE_STEMS[rng.nextInt(FILE_STEMS.length)] + "-" + a + "." + type[0];
            result.add(new Attachment(id, name, type[1], nameless ? "" : type[0], fitted(size, type[1]), "", seed));
        }
        if (spec.hugeAttachmentBytes() > 0 && m == 0 && view == View.INBOX && index == 0) {
            int a = result.size();
            String id = ArchiveIds.encode(new ItemRef(ItemRef.Kind.ATTACHMENT, seedTag, m, view, index, a));
            long huge = spec.hugeAttachmentBytes();
            // A zip while it fits one without zip64, plain text beyond, random bytes when tiny.
            String[] type = fits(huge, "application/zip") ? new String[] {"zip", "application/zip"}
                    : fits(huge, "text/plain") ? new String[] {"txt", "text/plain"}
                    : new String[] {"bin", "application/octet-stream"};
            result.add(new Attachment(id, "archive-backup." + type[0], type[1], type[0], huge, "",
                    Hashing.mix(key, 100 + a)));
        }
        return result;
    }

    /** Sizes below the smallest valid file of a type are raised to it. */
    private static long fitted(long size, String contentType) {
        return Math.max(size, FileFormat.of(contentType).minimumSize());
    }

    private static boolean fits(long size, String contentType) {
        FileFormat format = FileFormat.of(contentType);
        return size >= format.minimumSize() && size <= format.maximumSize();
    }

    private static long logUniform(SplittableRandom rng, long min, long max) {
        if (max <= min) {
            return max;
        }
        double exponent = Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min));
        return Math.min(max, Math.max(min, Math.round(Math.exp(exponent))));
    }
}
