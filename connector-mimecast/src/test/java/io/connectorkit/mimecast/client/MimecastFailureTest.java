package io.connectorkit.mimecast.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimecastFailureTest {
    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void readsCodesGivenDirectlyAndInsideErrors() {
        assertThat(MimecastWire.failures(json("{\"fail\":[{\"code\":\"InvalidClientIdentifier\","
                + "\"message\":\"Client credentials are invalid\"}]}")))
                .containsExactly(new MimecastFailure("InvalidClientIdentifier", "Client credentials are invalid", false));
        assertThat(MimecastWire.failures(json("{\"meta\":{\"status\":200},\"data\":[],\"fail\":[{\"key\":{\"id\":\"x\"},"
                + "\"errors\":[{\"code\":\"err_validation_value_not_allowed\",\"message\":\"m\",\"retryable\":false},"
                + "{\"code\":\"err_other\",\"message\":\"n\",\"retryable\":true}]}]}")))
                .extracting(MimecastFailure::code, MimecastFailure::retryable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("err_validation_value_not_allowed", false),
                        org.assertj.core.groups.Tuple.tuple("err_other", true));
        assertThat(MimecastWire.failures(json("{\"fail\":[]}"))).isEmpty();
        assertThat(MimecastWire.failures(null)).isEmpty();
    }

    @Test
    void classifiesByStatusAndCode() {
        List<MimecastFailure> forbidden = List.of(new MimecastFailure("app_forbidden", "no product", false));
        ConnectorException product = MimecastFailure.toException(forbidden, 403, "/api/user/get-internal-users", "x");
        assertThat(product.kind()).isEqualTo(ErrorKind.PERMISSION);
        assertThat(product.getMessage()).contains("User and Group Management");
        ConnectorException role = MimecastFailure.toException(List.of(new MimecastFailure(
                "err_xdk_operation_forbidden_for_address", "", false)), 200, "/api/archive/get-file", "x");
        assertThat(role.kind()).isEqualTo(ErrorKind.PERMISSION);
        assertThat(role.getMessage()).contains("Archive - Search - Read & Search Content View");
        assertThat(MimecastFailure.toException(List.of(), 500, "/p", "x").kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(MimecastFailure.toException(List.of(new MimecastFailure("err_busy", "", true)), 200, "/p", "x")
                .kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(MimecastFailure.toException(List.of(), 400, "/p", "x").kind()).isEqualTo(ErrorKind.PERMANENT);
        assertThat(MimecastFailure.toException(List.of(), 404, "/p", "x").kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(MimecastFailure.toException(List.of(), 401, "/p", "x").kind())
                .isEqualTo(ErrorKind.AUTHENTICATION);
    }

    @Test
    void listItemsComeFlatOrNestedAndDownloadUrlsInEitherForm() {
        assertThat(MimecastJson.items(json("{\"data\":[{\"users\":[{\"emailAddress\":\"a@x\"},"
                + "{\"emailAddress\":\"b@x\"}],\"userCount\":2}]}"), "users")).hasSize(2);
        assertThat(MimecastJson.items(json("{\"data\":[{\"emailAddress\":\"a@x\"}]}"), "users")).hasSize(1);
        assertThat(MimecastWire.downloadUrl(json("{\"data\":[{\"urls\":[\"https://d/1?c=s\"]}]}")))
                .contains("https://d/1?c=s");
        assertThat(MimecastWire.downloadUrl(json("{\"data\":[{\"url\":\"https://d/2\"}]}"))).contains("https://d/2");
        assertThat(MimecastWire.downloadUrl(json("{\"data\":[{}]}"))).isEmpty();
        assertThat(MimecastJson.addresses(json("{\"to\":[{\"emailAddress\":\"a@x\"},\"b@x\"],\"from\":"
                + "{\"emailAddress\":\"c@x\"}}"), "to")).containsExactly("a@x", "b@x");
    }
}
