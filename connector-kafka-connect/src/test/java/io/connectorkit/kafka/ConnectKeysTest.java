package io.connectorkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConnectKeysTest {
    private static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of("x.user", ConfigType.STRING).required().description("The user."),
            ConfigKey.of("x.secret", ConfigType.STRING).secret().defaultValue("").description("The secret."));

    @Test
    void secretsArePasswordsAndEveryKeyIsDescribed() {
        ConfigDef def = ConnectKeys.configDef(SPEC);
        assertThat(def.configKeys().get("x.secret").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().get("x.user").type).isEqualTo(ConfigDef.Type.STRING);
        assertThat(def.configKeys().get("x.user").documentation).isEqualTo("The user.");
    }

    @Test
    void everyProblemLandsOnItsKeyAndAnUnknownKeyShowsNoValue() {
        Map<String, String> props = Map.of("x.secret", "hunter2", "x.secrte", "hunter3");
        List<ConfigProblem> problems = SPEC.validate(props);
        Config config = ConnectKeys.result(ConnectKeys.configDef(SPEC), props, problems);
        Map<String, ConfigValue> byName = config.configValues().stream()
                .collect(java.util.stream.Collectors.toMap(ConfigValue::name, v -> v));
        assertThat(byName.get("x.user").errorMessages()).singleElement().asString().contains("required");
        assertThat(byName.get("x.secrte").errorMessages()).singleElement().asString().contains("unknown key");
        assertThat(byName.get("x.secrte").value()).isNull();
        assertThat(String.valueOf(byName.get("x.secret").value())).doesNotContain("hunter2");
    }
}
