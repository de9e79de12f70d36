package io.connectorkit.cli.command;

import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The archive and server options of {@code simulate} (and the sizes {@code demo} uses): a
 * generated archive, deterministic for a seed, served by the fake Mimecast API 2.0 server.
 */
public final class SimulatorOptions {
    /** The client id the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_ID = "simulator";
    /** The client secret the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_SECRET = "simulator-secret";

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the generated archive: the same seed gives the same archive (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--domains", paramLabel = "N", defaultValue = "2",
            description = "Internal domains, plus one flagged local (default: ${DEFAULT-VALUE}).")
    int domains;

    @Option(names = "--mailboxes", paramLabel = "N", defaultValue = "10",
            description = "Mailboxes of the internal domains (those a crawl reads by default), spread evenly over"
                    + " them and rounded up to a multiple of --domains; the local domain has as many as each of them"
                    + " (default: ${DEFAULT-VALUE}).")
    int mailboxes;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000",
            description = "Messages of the crawled domains' mailboxes, spread over their INBOX and SENT views;"
                    + " the local domain's mailboxes get as many each, on top (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--attachment-share", paramLabel = "F", defaultValue = "0.5",
            description = "Share of messages, from 0 to 1, that carry attachments (default: ${DEFAULT-VALUE}).")
    double attachmentShare;

    @Option(names = "--rate-limit", paramLabel = "CALLS_PER_S", defaultValue = "0",
            description = "Answer 429 beyond this many calls per second per client; 0 = no limit (default).")
    double rateLimit;

    @Option(names = "--quota", paramLabel = "CALLS/WINDOW",
            description = "The API application's quota: this many calls per window (such as 3000/60s, 10000/1h or"
                    + " 500/10s), advertised in X-RateLimit-Limit/Remaining/Reset on every answer, 429 once spent;"
                    + " default: 1000000/1h.")
    String quota;

    @Option(names = "--token-ttl", paramLabel = "SECONDS", defaultValue = "1799",
            description = "Lifetime of access tokens (default: ${DEFAULT-VALUE}).")
    long tokenTtlSeconds;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = DEFAULT_CLIENT_ID,
            description = "Client id the simulator accepts (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", defaultValue = DEFAULT_CLIENT_SECRET,
            description = "Client secret the simulator accepts (default: ${DEFAULT-VALUE}).")
    String clientSecret;

    /**
     * Checks the numbers, naming the first option out of range.
     *
     * @throws CommandException for a value out of range
     */
    void validate() {
        require(domains >= 1, "--domains", domains, "1 or more");
        require(mailboxes >= domains, "--mailboxes", mailboxes, "at least --domains (" + domains + ")");
        require(messages >= 0, "--messages", messages, "0 or more");
        require(attachmentShare >= 0 && attachmentShare <= 1, "--attachment-share", attachmentShare,
                "a share from 0 to 1");
        require(rateLimit >= 0, "--rate-limit", rateLimit, "0 (no limit) or more calls per second");
        require(tokenTtlSeconds >= 1, "--token-ttl", tokenTtlSeconds, "1 or more seconds");
        if (quota != null) {
            quotaCalls();
        }
    }

    // CALLS/WINDOW, the window as a number and a unit: s, m or h.
    private static final Pattern QUOTA = Pattern.compile("(\\d{1,12})/(\\d{1,9})([smh])");

    private long quotaCalls() {
        return quotaMatch().map(m -> Long.parseLong(m.group(1))).filter(n -> n >= 1).orElseThrow(this::badQuota);
    }

    private Duration quotaWindow() {
        Matcher m = quotaMatch().orElseThrow(this::badQuota);
        long n = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (window.isZero()) {
            throw badQuota();
        }
        return window;
    }

    private Optional<Matcher> quotaMatch() {
        Matcher m = QUOTA.matcher(quota.trim());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private CommandException badQuota() {
        return new CommandException(ExitStatus.INVALID_CONFIGURATION, "--quota " + quota + " is out of range; give"
                + " calls per window as N/Ws, N/Wm or N/Wh with N and W at least 1, such as 3000/60s.");
    }

    /**
     * Generates the archive.
     *
     * @return the archive
     */
    Archive archive() {
        int usersPerDomain = (mailboxes + domains - 1) / domains;
        // The local domain's mailboxes are not crawled by default, so the messages go to the others.
        int crawled = usersPerDomain * domains;
        int perView = Math.max(messages == 0 ? 0 : 1, messages / (2 * crawled));
        return ArchiveGenerator.seed(seed).domains(domains).localDomains(1).usersPerDomain(usersPerDomain)
                .messagesPerView(perView).attachmentShare(attachmentShare).generate();
    }

    /**
     * The server for the archive.
     *
     * @param archive the archive to serve
     * @return a builder with the credentials, token lifetime and rate limit set
     */
    FakeMimecastServerBuilder server(Archive archive) {
        FakeMimecastServerBuilder builder = FakeMimecastServer.builder().archive(archive)
                .clientCredentials(clientId, clientSecret).tokenTtl(Duration.ofSeconds(tokenTtlSeconds));
        if (rateLimit > 0) {
            builder.callsPerSecond(rateLimit);
        }
        if (quota != null) {
            builder.quota(quotaCalls(), quotaWindow());
        }
        return builder;
    }

    private static void require(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION,
                    option + " " + value + " is out of range; give " + expected + ".");
        }
    }
}
