package io.connectorkit.mimecast.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastConfigTest;
import io.connectorkit.mimecast.MimecastKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimecastTraceTest {
    @Test
    void redactsSecretsTokensBearerHeadersAndUrlSignatures() throws Exception {
        Map<String, String> m = MimecastConfigTest.minimal();
        m.put("mimecast.client-secret", "s3cr3t+/=");
        m.put("mimecast.trace-level", "ALL");
        MimecastTrace trace = new MimecastTrace(MimecastConfig.from(MimecastKeys.spec().parse(m)));
        trace.secret("tok_4f9c2a7d1e8b");
        String text = "grant_type=client_credentials&client_id=c&client_secret=s3cr3t%2B%2F%3D "
                + "{\"access_token\":\"abc123\",\"expires_in\":1799} Authorization: Bearer xyz.789 "
                + "used tok_4f9c2a7d1e8b then https://dl.example.com/file/eNo1?context=c2lnbmVk&x=1 raw s3cr3t+/=";
        String out = trace.redact(text);
        assertThat(out).doesNotContain("s3cr3t", "abc123", "xyz.789", "tok_4f9c2a7d1e8b", "c2lnbmVk")
                .contains("https://dl.example.com/file/eNo1?********", "client_id=c", "\"expires_in\":1799");
    }
}
