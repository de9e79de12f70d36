package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

class DetectedTypeDetectorTest {
    private final AtomicInteger detections = new AtomicInteger();
    private final Detector counting = (input, metadata) -> {
        detections.incrementAndGet();
        return MediaType.parse("application/pdf");
    };
    private final DetectedTypeDetector detector = new DetectedTypeDetector(counting);

    private static InputStream bytes() {
        return new ByteArrayInputStream("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theParseOfTheSameContentReusesTheTypeDetectedBeforeIt() throws Exception {
        Metadata metadata = new Metadata();
        MediaType first = detector.detectOnce(bytes(), metadata);
        MediaType again = detector.detect(bytes(), metadata);
        assertThat(again).isEqualTo(first);
        assertThat(detections).hasValue(1);
    }

    @Test
    void embeddedDocumentsAndLaterDetectionsAreDetectedAfresh() throws Exception {
        Metadata metadata = new Metadata();
        detector.detectOnce(bytes(), metadata);
        detector.detect(bytes(), metadata);
        detector.detect(bytes(), metadata);
        detector.detect(bytes(), new Metadata());
        assertThat(detections).as("the remembered type is used once").hasValue(3);
    }
}
