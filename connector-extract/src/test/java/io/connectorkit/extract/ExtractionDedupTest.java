package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The same bytes are parsed once per run, however many documents carry them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionDedupTest {
    private byte[] attachment;

    @BeforeAll
    void generateAttachment() throws IOException {
        attachment = TestDocuments.pdf("Shared attachment forwarded to everyone");
    }

    @Test
    void hundredMessagesSharingOneDeclaredHashParseItOnceAndReadItOnce() {
        AtomicInteger opens = new AtomicInteger();
        try (TikaContentExtractor extractor = newExtractor(EarlierExtractions.none(), 2)) {
            for (int i = 0; i < 100; i++) {
                TestContent source = TestContent.of(attachment, "application/pdf", "shared.pdf")
                        .withDeclaredSha256().countingInto(opens);
                Extraction e = extractor.extract("msg-" + i, source);
                assertThat(e.text()).contains("Shared attachment forwarded to everyone");
                assertThat(e.sha256()).isEqualTo(TestContent.sha256(attachment));
                assertThat(e.bytes()).isEqualTo(attachment.length);
            }

            assertThat(extractor.stats().parses()).isEqualTo(1);
            assertThat(extractor.stats().cacheHits()).isEqualTo(99);
            assertThat(opens.get()).isEqualTo(1);
        }
    }

    @Test
    void hundredMessagesSharingUndeclaredBytesParseThemOnce() {
        AtomicInteger opens = new AtomicInteger();
        try (TikaContentExtractor extractor = newExtractor(EarlierExtractions.none(), 2)) {
            for (int i = 0; i < 100; i++) {
                TestContent source = TestContent.of(attachment, "application/pdf", "shared-" + i + ".pdf")
                        .countingInto(opens);
                assertThat(extractor.extract("msg-" + i, source).text()).contains("Shared attachment");
            }

            assertThat(extractor.stats().parses()).isEqualTo(1);
            assertThat(extractor.stats().cacheHits()).isEqualTo(99);
            // Without a declared hash the bytes must be read to be hashed; only the parse is saved.
            assertThat(opens.get()).isEqualTo(100);
        }
    }

    @Test
    void concurrentExtractionsOfTheSameBytesShareOneParse() throws Exception {
        ExecutorService crawlThreads = Executors.newFixedThreadPool(8);
        try (TikaContentExtractor extractor = newExtractor(EarlierExtractions.none(), 4)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Extraction>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String id = "msg-" + i;
                boolean declared = i % 2 == 0;
                results.add(crawlThreads.submit(() -> {
                    start.await();
                    TestContent source = TestContent.of(attachment, "application/pdf", "shared.pdf");
                    return extractor.extract(id, declared ? source.withDeclaredSha256() : source);
                }));
            }
            start.countDown();
            for (Future<Extraction> result : results) {
                assertThat(result.get().text()).contains("Shared attachment forwarded to everyone");
            }

            assertThat(extractor.stats().parses()).isEqualTo(1);
            assertThat(extractor.stats().cacheHits()).isEqualTo(99);
        } finally {
            crawlThreads.shutdownNow();
        }
    }

    @Test
    void sharedFailureNamesEachDocument() {
        byte[] corrupt = "%PDF-1.7\nnot really a pdf at all".getBytes(StandardCharsets.US_ASCII);
        try (TikaContentExtractor extractor = newExtractor(EarlierExtractions.none(), 1)) {
            Extraction first = extractor.extract("msg-first", TestContent.of(corrupt, "application/pdf", "a.pdf"));
            Extraction second = extractor.extract("msg-second", TestContent.of(corrupt, "application/pdf", "b.pdf"));

            assertThat(first.failure()).contains("msg-first");
            assertThat(second.failure()).contains("msg-second").doesNotContain("msg-first");
            assertThat(extractor.stats().parses()).isEqualTo(1);
            assertThat(extractor.stats().failures()).isEqualTo(1);
        }
    }

    @Test
    void reusesAnEarlierExtractionWithoutOpeningOrParsing() {
        String sha = TestContent.sha256(attachment);
        EarlierExtractions index = hash -> hash.equals(sha)
                ? Optional.of(new Extraction("text from the index", "application/pdf", null, false, null,
                        attachment.length, null))
                : Optional.empty();
        try (TikaContentExtractor extractor = newExtractor(index, 1)) {
            TestContent source = TestContent.of(attachment, "application/pdf", "known.pdf").withDeclaredSha256();

            Extraction e = extractor.extract("msg-known", source);

            assertThat(e.text()).isEqualTo("text from the index");
            assertThat(e.sha256()).isEqualTo(sha);
            assertThat(source.opens()).isZero();
            assertThat(extractor.stats().earlierExtractionHits()).isEqualTo(1);
            assertThat(extractor.stats().parses()).isZero();
        }
    }

    @Test
    void asksEarlierExtractionsWithTheComputedHashWhenTheSourceDeclaresNone() {
        List<String> asked = new ArrayList<>();
        EarlierExtractions index = hash -> {
            asked.add(hash);
            return Optional.of(new Extraction("indexed earlier", "application/pdf", null, false, hash,
                    attachment.length, null));
        };
        try (TikaContentExtractor extractor = newExtractor(index, 1)) {
            Extraction e = extractor.extract("msg-1", TestContent.of(attachment, "application/pdf", "x.pdf"));

            assertThat(e.text()).isEqualTo("indexed earlier");
            assertThat(asked).containsExactly(TestContent.sha256(attachment));
            assertThat(extractor.stats().parses()).isZero();
        }
    }

    @Test
    void treatsAFailingLookUpOfEarlierExtractionsAsAMiss() {
        EarlierExtractions broken = hash -> {
            throw new IllegalStateException("index unavailable");
        };
        try (TikaContentExtractor extractor = newExtractor(broken, 1)) {
            Extraction e = extractor.extract("msg-1",
                    TestContent.of(attachment, "application/pdf", "x.pdf").withDeclaredSha256());

            assertThat(e.failure()).isNull();
            assertThat(e.text()).contains("Shared attachment");
            assertThat(extractor.stats().parses()).isEqualTo(1);
        }
    }

    private static TikaContentExtractor newExtractor(EarlierExtractions earlier, int threads) {
        return new TikaContentExtractor(ExtractionConfig.defaults(), earlier, threads, 1_000_000);
    }
}
