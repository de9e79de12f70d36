package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.mimecast.client.MimecastAccount;
import io.connectorkit.mimecast.client.MimecastClient;
import io.connectorkit.mimecast.client.MimecastDomain;
import io.connectorkit.mimecast.client.MimecastMessage;
import io.connectorkit.mimecast.client.MimecastMessageQuery;
import io.connectorkit.mimecast.client.MimecastTokenSource;
import io.connectorkit.mimecast.directory.MimecastScopeFilter;
import io.connectorkit.mimecast.http.MimecastSpool;
import io.connectorkit.mimecast.tls.MimecastTlsException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection and permission check: authenticates, then calls each endpoint a crawl needs
 * once (domains, users, message list, message detail, file download, and message part in
 * {@code parts} mode) and reports per endpoint whether it works, or which product or role the
 * API application is missing, with the fix.
 */
final class MimecastChecker {
    private final MimecastTokenSource tokens;
    private final MimecastClient client;
    private final MimecastScopeFilter filter;
    private final MimecastConfig config;
    private final ConnectorContext context;

    @Inject
    MimecastChecker(MimecastTokenSource tokens, MimecastClient client, MimecastScopeFilter filter,
            MimecastConfig config, ConnectorContext context) {
        this.tokens = requireNonNull(tokens, "tokens");
        this.client = requireNonNull(client, "client");
        this.filter = requireNonNull(filter, "filter");
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
    }

    CheckReport check() {
        List<CheckResult> results = new ArrayList<>();
        String tokenUrl = config.connection().tokenUrl();
        try {
            tokens.token();
            results.add(CheckResult.ok(tokenUrl, "Authenticated client id '" + config.connection().clientId() + "'"));
        } catch (MimecastTlsException e) {
            results.add(CheckResult.failed(tokenUrl, e.kind(), e.problem(), e.fix()));
            return new CheckReport(results);
        } catch (ConnectorException e) {
            results.add(CheckResult.failed(tokenUrl, e.kind(), e.getMessage(), e.kind() == ErrorKind.AUTHENTICATION
                    ? "Copy the client id and secret of the API 2.0 application from the Mimecast console (Integrations"
                    + " > API and Platform Integrations) into mimecast.client-id and mimecast.client-secret"
                    : "Check mimecast.auth-endpoint and the network path to Mimecast"));
            return new CheckReport(results);
        }
        account(results);
        Optional<String> domain = probe(results, MimecastClient.DOMAINS, () -> {
            List<MimecastDomain> domains = client.domains();
            String first = null;
            int included = 0;
            for (MimecastDomain d : domains) {
                String name = d.name().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && filter.domain(name, d.local()).included()) {
                    included++;
                    first = first == null ? name : first;
                }
            }
            return new Probe<>(first, domains.size() + " internal domains, " + included + " in scope");
        });
        Optional<String> mailbox = domain.isEmpty() ? skipped(results, MimecastClient.USERS, "domain")
                : probe(results, MimecastClient.USERS, () -> {
                    String first = client.users(domain.get(), config.performance().pageSize(), null).items().stream()
                            .filter(u -> !u.alias()).map(u -> u.emailAddress().toLowerCase(Locale.ROOT))
                            .filter(a -> a.contains("@") && filter.mailbox(a).included()).findFirst().orElse(null);
                    return new Probe<>(first, first == null ? "users of " + domain.get() + " listed; none in scope on"
                            + " the first page" : "users of " + domain.get() + " listed, first in scope: " + first);
                });
        Optional<String> message = mailbox.isEmpty() ? skipped(results, MimecastClient.LIST, "mailbox")
                : probe(results, MimecastClient.LIST, () -> {
                    MimecastMessageQuery query = new MimecastMessageQuery(mailbox.get(), "INBOX",
                            config.messages().startDate(), context.clock().instant());
                    List<MimecastMessage> items = client.messages(query, 1, null, "mailbox " + mailbox.get()).items();
                    String id = items.isEmpty() ? null : items.get(0).id();
                    return new Probe<>(id, "INBOX of " + mailbox.get() + " listed");
                });
        if (message.isEmpty()) {
            skipped(results, MimecastClient.DETAIL, "message");
            skipped(results, MimecastClient.GET_FILE, "message");
            return new CheckReport(results);
        }
        String id = message.get();
        probe(results, MimecastClient.DETAIL, () -> {
            client.messageDetail(id);
            return new Probe<>(id, "message detail read");
        });
        probe(results, MimecastClient.GET_FILE, () -> {
            try (MimecastSpool s = client.file(id, "message " + id, 1 << 20)) {
                return new Probe<>(id, "message content downloaded (" + s.length() + " bytes)");
            }
        });
        if (config.messages().contentMode() == MimecastConfig.ContentMode.PARTS) {
            probe(results, MimecastClient.PART, () -> {
                try (MimecastSpool s = client.messagePart(id, mailbox.get(), "PLAIN", "message " + id, 1 << 20)) {
                    return new Probe<>(id, "message part downloaded (" + s.length() + " bytes)");
                }
            });
        }
        return new CheckReport(results);
    }

    /**
     * Reads the account: fails when it has no archive, shows the retention, and warns when the
     * start date lies before what the retention keeps.
     */
    private void account(List<CheckResult> results) {
        String path = MimecastClient.ACCOUNT;
        MimecastAccount account;
        try {
            account = client.account();
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.PERMISSION) {
                results.add(CheckResult.warning(path, "Not read, so the archive and the retention are not checked: "
                        + e.getMessage(), "Nothing to do for a crawl; to have them checked, use an API application"
                        + " with the product that offers " + path));
            } else {
                results.add(CheckResult.failed(path, e.kind(), e.getMessage(), fix(path, e)));
            }
            return;
        }
        String retention = account.maxRetentionDays().isPresent()
                ? "messages kept up to " + account.maxRetentionDays().getAsInt() + " days (maxRetention)"
                : "retention not stated (no maxRetention)";
        if (account.archive().isPresent() && !account.archive().get()) {
            results.add(CheckResult.failed(path, ErrorKind.PERMISSION, "Account " + account.label()
                    + " has no archive (get-account answered archive = false), so a crawl would find no messages; "
                    + retention, "Have Mimecast enable the archive for the account, or use the client id and secret"
                    + " of an API application of an account that has it"));
            return;
        }
        results.add(CheckResult.ok(path, "Account " + account.label() + ": archive "
                + (account.archive().isPresent() ? "on" : "not stated") + ", " + retention));
        Instant start = config.messages().startDate();
        Optional<Instant> kept = account.retainedSince(context.clock().instant());
        if (kept.isPresent() && start.isBefore(kept.get())) {
            String since = MimecastDates.format(kept.get().truncatedTo(ChronoUnit.DAYS));
            results.add(CheckResult.warning(path, MimecastKeys.START_DATE + " = " + MimecastDates.format(start)
                    + " lies before the account's retention of " + account.maxRetentionDays().getAsInt()
                    + " days: the archive keeps nothing received before about " + since + ", so the crawl finds"
                    + " nothing older", "Set " + MimecastKeys.START_DATE + " to " + since.substring(0, 10)
                    + " or later, or leave it: the older part of the window only costs list calls"));
        }
    }

    private record Probe<T>(T value, String message) { }

    private interface Call<T> {
        Probe<T> run() throws ConnectorException;
    }

    private <T> Optional<T> probe(List<CheckResult> results, String path, Call<T> call) {
        try {
            Probe<T> p = call.run();
            results.add(CheckResult.ok(path, p.message()));
            return Optional.ofNullable(p.value());
        } catch (ConnectorException e) {
            results.add(CheckResult.failed(path, e.kind(), e.getMessage(), fix(path, e)));
            return Optional.empty();
        }
    }

    private Optional<String> skipped(List<CheckResult> results, String path, String missing) {
        results.add(CheckResult.warning(path, "Not probed: no " + missing + " in scope to probe it with",
                "Widen the scope rules or the start date so that a " + missing + " is found"));
        return Optional.empty();
    }

    private static String fix(String path, ConnectorException e) {
        if (e.kind() == ErrorKind.PERMISSION) {
            if (e.getMessage().contains("lacks the product")) {
                return "Create a new API 2.0 application with the product '" + MimecastConfig.productFor(path)
                        + "' (products cannot be added to a saved application) and use its client id and secret";
            }
            return "Give the API application's role the permission '" + MimecastConfig.roleFor(path) + "'";
        }
        if (e.kind() == ErrorKind.AUTHENTICATION) {
            return "Check mimecast.client-id and mimecast.client-secret";
        }
        if (e.kind() == ErrorKind.CONFIGURATION) {
            return "Check mimecast.api-endpoint";
        }
        return "Retry later; if it persists, check the Mimecast service status";
    }
}
