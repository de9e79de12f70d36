package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection and permission check against the fake server. */
class MimecastCheckIT {
    @TempDir
    Path temp;

    private static CheckResult result(CheckReport report, String path) {
        return report.results().stream().filter(r -> r.name().endsWith(path)).findFirst().orElseThrow();
    }

    @Test
    void reportsEveryEndpointTheCrawlNeedsAsWorking() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            CheckReport report = f.connector.check(f.parse(f.config(MimecastKeys.CONTENT_MODE, "parts")), f.context);
            assertThat(report.ok()).isTrue();
            assertThat(report.results()).extracting(CheckResult::name).containsExactly(
                    f.server.baseUrl() + "/oauth/token", "/api/account/get-account", "/api/domain/get-internal-domain",
                    "/api/user/get-internal-users", "/api/archive/get-message-list",
                    "/api/archive/get-message-detail", "/api/archive/get-file", "/api/archive/get-message-part");
            assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckResult.Status.OK));
        }
    }

    @Test
    void showsTheAccountsRetention() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.account(true, 3650))) {
            CheckResult account = result(f.connector.check(f.parse(f.config()), f.context), "/api/account/get-account");
            assertThat(account.status()).isEqualTo(CheckResult.Status.OK);
            assertThat(account.message()).contains("archive on", "messages kept up to 3650 days (maxRetention)");
        }
    }

    @Test
    void failsOnAnAccountWithoutTheArchiveWithTheFix() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.account(false, 3650))) {
            CheckReport report = f.connector.check(f.parse(f.config()), f.context);
            assertThat(report.ok()).isFalse();
            assertThat(report.failureKind()).contains(ErrorKind.PERMISSION);
            CheckResult account = result(report, "/api/account/get-account");
            assertThat(account.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(account.message()).contains("has no archive", "archive = false");
            assertThat(account.fix()).contains("enable the archive");
        }
    }

    @Test
    void warnsWhenTheStartDateLiesBeforeTheRetention() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.account(true, 30))) {
            CheckReport report = f.connector.check(f.parse(f.config()), f.context);
            assertThat(report.ok()).as("a warning does not fail the check").isTrue();
            assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.WARNING)
                    .singleElement().satisfies(w -> {
                        assertThat(w.name()).isEqualTo("/api/account/get-account");
                        assertThat(w.message()).contains(MimecastKeys.START_DATE, "retention of 30 days");
                        assertThat(w.fix()).contains("Set " + MimecastKeys.START_DATE + " to ");
                    });
        }
    }

    @Test
    void namesTheMissingProductAndTheFix() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.withoutProductFor(Endpoint.GET_FILE))) {
            CheckReport report = f.connector.check(f.parse(f.config()), f.context);
            assertThat(report.ok()).isFalse();
            assertThat(report.failureKind()).contains(ErrorKind.PERMISSION);
            CheckResult file = result(report, "/api/archive/get-file");
            assertThat(file.status()).isEqualTo(CheckResult.Status.FAILED);
            assertThat(file.message()).contains("Data Retention / Archive");
            assertThat(file.fix()).contains("Data Retention / Archive").contains("new");
            assertThat(result(report, "/api/archive/get-message-list").status()).isEqualTo(CheckResult.Status.OK);
        }
    }

    @Test
    void namesTheMissingRoleAndTheFix() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.fault(FaultRule.always(Endpoint.GET_MESSAGE_DETAIL,
                Fault.permanentFailure("err_xdk_operation_forbidden_for_address", "Operation forbidden"))))) {
            CheckReport report = f.connector.check(f.parse(f.config()), f.context);
            CheckResult detail = result(report, "/api/archive/get-message-detail");
            assertThat(detail.kind()).isEqualTo(ErrorKind.PERMISSION);
            assertThat(detail.fix()).contains("Archive - Search - Read & Search Content View");
        }
    }

    @Test
    void badCredentialsStopTheCheckAtAuthentication() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            CheckReport report = f.connector.check(f.parse(f.config(MimecastKeys.CLIENT_SECRET, "nope")), f.context);
            assertThat(report.results()).hasSize(1);
            assertThat(report.failureKind()).contains(ErrorKind.AUTHENTICATION);
            assertThat(report.results().get(0).fix()).contains("mimecast.client-secret");
            assertThat(f.server.calls(Endpoint.TOKEN)).isEqualTo(1);
        }
    }
}
