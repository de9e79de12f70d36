package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectorCommandTest {
    @Test
    void helpListsExitStatusesAndSucceeds() {
        CliRun run = CliRun.run("--help");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("Usage: connector", "--log-level", "Exit status:",
                "2  invalid configuration", "3  authentication or permission failure");
    }

    @Test
    void noSubcommandPrintsUsage() {
        CliRun run = CliRun.run();
        assertThat(run.status).isZero();
        assertThat(run.out).contains("Usage: connector");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwoAndAHint() {
        CliRun run = CliRun.run("--no-such-option");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("--no-such-option").contains("connector --help");
        assertThat(run.out).isEmpty();
    }

    @Test
    void badLogLevelIsNamedWithTheAllowedLevels() {
        CliRun run = CliRun.run("--log-level", "LOUD");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("'LOUD'").contains("DEBUG");
    }

    @Test
    void missingLogConfigFileIsNamed() {
        CliRun run = CliRun.run("--log-config", "/no/such/log4j2.xml");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("/no/such/log4j2.xml").contains("--log-config");
    }

    @Test
    void versionNamesTheCommand() {
        CliRun run = CliRun.run("--version");
        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("connector ");
    }

    @Test
    void helpIsACommandForTheWholeCommandAndForEachSubcommand() {
        CliRun all = CliRun.run("help");
        assertThat(all.status).as(all.toString()).isZero();
        assertThat(all.out).contains("Usage: connector ").contains("crawl ").doesNotContain("Unmatched");
        CliRun crawl = CliRun.run("help", "crawl");
        assertThat(crawl.status).as(crawl.toString()).isZero();
        assertThat(crawl.out).contains("Usage: connector crawl ");
    }
}
