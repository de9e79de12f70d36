package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ContentSource;
import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Content built to exhaust an extractor: it must stop at its limits and say so. */
class ExtractionLimitsTest {
    private static final int MAX_CHARS = 10_000;

    @Test
    void cutsTextAtMaxCharsAndMarksItTruncated() {
        String text = TestDocuments.repeat("word ", 50_000);
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 60, 2)) {
            Extraction e = extractor.extract("doc-long",
                    TestContent.of(text.getBytes(StandardCharsets.UTF_8), "text/plain", "long.txt"));

            assertThat(e.failure()).isNull();
            assertThat(e.truncated()).isTrue();
            assertThat(e.text()).hasSizeLessThanOrEqualTo(MAX_CHARS).startsWith("word word");
            assertThat(e.bytes()).isEqualTo(text.length());
            assertThat(extractor.stats().truncations()).isEqualTo(1);
        }
    }

    @Test
    void textExactlyAtTheLimitIsNotTruncated() {
        String text = TestDocuments.repeat("abcd\n", MAX_CHARS - 200);
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 60, 1)) {
            Extraction e = extractor.extract("doc-fits",
                    TestContent.of(text.getBytes(StandardCharsets.UTF_8), "text/plain", "fits.txt"));

            assertThat(e.truncated()).isFalse();
            assertThat(e.text()).isEqualTo(text.stripTrailing());
        }
    }

    @Test
    void stopsNestedArchiveBombOfLargeTextsAtTheLimits() throws IOException {
        // 10^4 text files of 2,000,000 characters: 20 billion characters nominal.
        byte[] bomb = TestDocuments.nestedZip(4, 10, 2_000_000);
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 60, 1)) {
            Extraction e = extractor.extract("doc-bomb", TestContent.of(bomb, "application/zip", "bomb.zip"));

            assertThat(e.truncated() || e.failed()).isTrue();
            assertThat(e.text()).hasSizeLessThanOrEqualTo(MAX_CHARS);
            assertThat(e.sha256()).isEqualTo(TestContent.sha256(bomb));
            assertThat(e.mediaType()).isEqualTo("application/zip");
        }
    }

    @Test
    void stopsNestedArchiveBombWithTikasCompressionGuardWhenTheTextLimitIsHigh() throws IOException {
        byte[] bomb = TestDocuments.nestedZip(4, 10, 2_000_000);
        try (TikaContentExtractor extractor = extractor(50_000_000, 60, 1)) {
            Extraction e = extractor.extract("doc-bomb", TestContent.of(bomb, "application/zip", "bomb.zip"));

            assertThat(e.failed()).isTrue();
            assertThat(e.failure()).contains("doc-bomb").containsIgnoringCase("zip bomb");
            assertThat(e.truncated()).isTrue();
            assertThat(e.text().length()).isLessThan(50_000_000);
        }
    }

    @Test
    void stopsArchiveOfTooManyEmbeddedDocumentsAtTheCountLimit() throws IOException {
        // 10^4 small files in 1,111 archives: past the limit of embedded documents, within the text limit.
        byte[] wide = TestDocuments.nestedZip(4, 10, 20);
        try (TikaContentExtractor extractor = extractor(1_000_000, 60, 1)) {
            Extraction e = extractor.extract("doc-wide", TestContent.of(wide, "application/zip", "wide.zip"));

            assertThat(e.truncated()).isTrue();
            assertThat(e.text().length()).isLessThan(1_000_000);
            assertThat(e.text()).contains("all work and no play");
        }
    }

    @Test
    void stopsDeeplyNestedArchivesAtTheDepthLimit() throws IOException {
        byte[] chain = TestDocuments.zipChain(12);
        try (TikaContentExtractor extractor = extractor(1_000_000, 60, 1)) {
            Extraction e = extractor.extract("doc-deep", TestContent.of(chain, "application/zip", "deep.zip"));

            assertThat(e.truncated()).isTrue();
            assertThat(e.text()).contains("depthmarker1", "depthmarker" + TikaTextParser.MAX_EMBEDDED_DEPTH);
            assertThat(e.text()).doesNotContain("depthmarker" + (TikaTextParser.MAX_EMBEDDED_DEPTH + 1));
        }
    }

    @Test
    void abandonsContentThatBlocksForeverAndClosesItsStream() throws IOException {
        BlockingSource blocking = new BlockingSource();
        // Long enough that the plain text after the stuck one parses well inside it on a busy machine.
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 3, 1)) {
            Extraction e = extractor.extract("doc-stuck", blocking);

            assertThat(e.failed()).isTrue();
            assertThat(e.failure()).contains("doc-stuck").contains("timed out after 3 seconds")
                    .contains("extract.timeout-seconds");
            assertThat(e.mediaType()).isEqualTo("application/pdf");
            assertThat(blocking.closed).isTrue();
            assertThat(extractor.stats().timeouts()).isEqualTo(1);
            assertThat(extractor.stats().failures()).isEqualTo(1);

            // The pool's only thread was freed: the next content is extracted normally.
            byte[] text = "After the stuck one".getBytes(StandardCharsets.UTF_8);
            Extraction next = extractor.extract("doc-next", TestContent.of(text, "text/plain", "next.txt"));
            assertThat(next.failure()).isNull();
            assertThat(next.text()).contains("After the stuck one");
        }
    }

    @Test
    void answersAnInterruptedCrawlThreadAndKeepsItsInterruptFlag() throws Exception {
        BlockingSource blocking = new BlockingSource();
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 600, 1)) {
            AtomicReference<Extraction> result = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread crawl = new Thread(() -> {
                result.set(extractor.extract("doc-cancelled", blocking));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            crawl.start();
            while (!blocking.opened) {
                Thread.onSpinWait();
            }
            crawl.interrupt();
            crawl.join();

            assertThat(result.get().failure()).contains("doc-cancelled").contains("stopped");
            assertThat(stillInterrupted).isTrue();
            assertThat(blocking.closed).isTrue();
        }
    }

    @Test
    void spoolsLargeContentToATemporaryFileAndDeletesIt() throws IOException {
        String text = TestDocuments.repeat("a line of a large plain text file\n", 3 * TikaContentExtractor.MEMORY_LIMIT);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (TikaContentExtractor extractor = extractor(50_000_000, 60, 1)) {
            Extraction e = extractor.extract("doc-large",
                    TestContent.of(text.getBytes(StandardCharsets.US_ASCII), "text/plain", "large.txt"));

            assertThat(e.failure()).isNull();
            assertThat(e.text()).isEqualTo(text.stripTrailing());
            assertThat(e.bytes()).isEqualTo(text.length());
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("connectorkit-extract-"));
        }
    }

    @Test
    void failsExtractionsAfterClose() {
        TikaContentExtractor extractor = extractor(MAX_CHARS, 60, 1);
        extractor.close();
        extractor.close();

        Extraction e = extractor.extract("doc-late", TestContent.of(new byte[] {1, 2, 3}, null, null));

        assertThat(e.failure()).contains("doc-late").contains("closed");
    }

    @Test
    void neverRunsMoreExtractionsAtOnceThanItsThreads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService crawlThreads = Executors.newFixedThreadPool(6);
        try (TikaContentExtractor extractor = extractor(MAX_CHARS, 60, 2)) {
            List<Future<Extraction>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] text = ("distinct content number " + i).getBytes(StandardCharsets.UTF_8);
                ContentSource slow = new SlowSource(text, running, mostAtOnce);
                String id = "doc-" + i;
                results.add(crawlThreads.submit(() -> extractor.extract(id, slow)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().text()).isEqualTo("distinct content number " + i);
            }
            assertThat(mostAtOnce.get()).isBetween(1, 2);
        } finally {
            crawlThreads.shutdownNow();
        }
    }

    private static TikaContentExtractor extractor(int maxChars, int timeoutSeconds, int threads) {
        return new TikaContentExtractor(new ExtractionConfig(true, maxChars, timeoutSeconds), EarlierExtractions.none(),
                threads, 1_000_000);
    }

    /** A source whose stream never delivers a byte until it is closed or its reader interrupted. */
    private static final class BlockingSource implements ContentSource {
        volatile boolean opened;
        volatile boolean closed;

        @Override
        public InputStream open() {
            opened = true;
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                        return -1;
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("interrupted while waiting for the archive");
                    }
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        @Override
        public long length() {
            return -1;
        }

        @Override
        public Optional<String> mediaType() {
            return Optional.of("application/pdf");
        }
    }

    /** A source that is slow to read and records how many are read at once. */
    private static final class SlowSource implements ContentSource {
        private final byte[] bytes;
        private final AtomicInteger running;
        private final AtomicInteger mostAtOnce;

        SlowSource(byte[] bytes, AtomicInteger running, AtomicInteger mostAtOnce) {
            this.bytes = bytes;
            this.running = running;
            this.mostAtOnce = mostAtOnce;
        }

        @Override
        public InputStream open() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            AtomicBoolean closed = new AtomicBoolean();
            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        // Long enough for the other crawl threads to pile up behind the pool.
                        Thread.sleep(30);
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                    return super.read(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (closed.compareAndSet(false, true)) {
                        running.decrementAndGet();
                    }
                    super.close();
                }
            };
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public Optional<String> mediaType() {
            return Optional.of("text/plain");
        }
    }
}
