package io.connectorkit.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainHttpWarningTest {
    @Test
    void loopbackAndHttpsDrawNoWarningPlainHttpToAnotherHostDoes() {
        for (String quiet : new String[] {"http://localhost:9200", "http://LOCALHOST.:9200", "http://127.0.0.1:1",
                "http://127.255.3.4", "http://[::1]:9200", "http://[0:0:0:0:0:0:0:1]/x", "http://api.localhost/",
                "https://api.services.mimecast.com", "https://10.0.0.5:9200", "", "not a url"}) {
            assertThat(PlainHttpWarning.remote(quiet)).as(quiet).isEmpty();
        }
        assertThat(PlainHttpWarning.remote("http://api.services.mimecast.com/")).hasValue("http://api.services.mimecast.com");
        assertThat(PlainHttpWarning.remote("HTTP://10.0.0.5:9200/x?y=1")).hasValue("http://10.0.0.5:9200");
        assertThat(PlainHttpWarning.remote("http://128.0.0.1")).hasValue("http://128.0.0.1");
        assertThat(PlainHttpWarning.remote("http://[fe80::1]:80")).hasValue("http://[fe80::1]:80");
        assertThat(PlainHttpWarning.remote("http://localhost.example.com")).hasValue("http://localhost.example.com");
        assertThat(PlainHttpWarning.remote("http://127.0.0.1.example.com")).hasValue("http://127.0.0.1.example.com");
        assertThat(PlainHttpWarning.remote("http://user:hunter2@es.example.com:9200")).as("no credentials shown")
                .hasValue("http://es.example.com:9200");
    }

    @Test
    void everyUrlTypedKeyIsCheckedAndEachRemoteUrlNamed() throws Exception {
        ConfigSpec spec = ConfigSpec.of(ConfigKey.of("a.endpoint", ConfigType.URL),
                ConfigKey.of("b.urls", ConfigType.URL_LIST), ConfigKey.of("c.note", ConfigType.STRING),
                ConfigKey.of("d.local", ConfigType.URL));
        var config = spec.parse(Map.of("a.endpoint", "http://mimecast.example.com", "b.urls",
                "https://es1.example.com:9200,http://es2.example.com:9200", "c.note", "http://x.example.com",
                "d.local", "http://127.0.0.1:8080"));
        assertThat(PlainHttpWarning.of(config)).containsExactlyInAnyOrder(
                "a.endpoint = 'http://mimecast.example.com' is plain http to a host other than this machine: the"
                        + " secret, the tokens and the mail sent there would travel unencrypted; use https",
                "b.urls = 'http://es2.example.com:9200' is plain http to a host other than this machine: the"
                        + " secret, the tokens and the mail sent there would travel unencrypted; use https");
    }
}
