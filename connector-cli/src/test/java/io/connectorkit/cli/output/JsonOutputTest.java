package io.connectorkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
    record Sample(String name, Instant at, Duration took, String missing) {
    }

    @Test
    void writesRecordsInstantsDurationsAndNulls() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sample", new Sample("a", Instant.parse("2024-01-02T03:04:05Z"), Duration.ofSeconds(90), null));
        String json = JsonOutput.write(map);
        assertThat(json).contains("\"name\": \"a\"", "\"at\": \"2024-01-02T03:04:05Z\"", "\"took\": \"PT1M30S\"",
                "\"missing\": null");
    }
}
