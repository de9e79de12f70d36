package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The first request to an index, before anything is created in it: turns a refused credential
 * (401) or a denied access (403) into a message that names the key to change, instead of the
 * failures the index creation would meet later. The embedded index has a credential of its own,
 * so its refusal names that credential's file and who may read it.
 */
public final class IndexProbe {
    private final String rejected;

    private IndexProbe(String rejected) {
        this.rejected = rejected;
    }

    /** @return the probe of a cluster, whose credentials come from the {@code sink.elasticsearch.*} keys */
    public static IndexProbe cluster() {
        return new IndexProbe(null);
    }

    /**
     * The probe of the embedded index another process (or this one) runs on the data directory.
     *
     * @param dataDir {@code sink.embedded.data-dir}
     * @param credentialFile the file with the node's password
     * @param credentialReadable whether this user could read that file
     * @param pid the process that runs the node
     * @return the probe
     */
    public static IndexProbe embedded(Path dataDir, Path credentialFile, boolean credentialReadable, long pid) {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(credentialFile, "credentialFile");
        return new IndexProbe(" rejected the credential in " + credentialFile + (credentialReadable ? ""
                : " (which this user cannot read)") + "; run this command as the user that owns sink.embedded.data-dir "
                + dataDir + ", or stop the process that runs the index (pid " + pid + ") so that this command starts its"
                + " own");
    }

    /**
     * Sends {@code GET /} and checks that the credentials are accepted.
     *
     * @param client the client to probe with; give it no wait for an unavailable index, so that
     *     a wrong URL fails at once
     * @throws ConnectorException AUTHENTICATION on 401, PERMISSION on 403, naming the fix
     * @throws IOException if the index cannot be reached (an {@link IndexCertificateException}
     *     when its certificate is refused)
     */
    public void check(IndexClient client) throws IOException, ConnectorException {
        IndexClient.Reply r = client.json("GET", "/", Map.of(), null);
        if (r.status() == 401 && rejected != null) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The embedded index at " + client.description()
                    + rejected);
        }
        if (r.status() == 401) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The index at " + client.description()
                    + " rejected the credentials; check sink.elasticsearch.username/password, api-key"
                    + " or the user:password written in sink.elasticsearch.url");
        }
        if (r.status() == 403) {
            throw new ConnectorException(ErrorKind.PERMISSION, "The index at " + client.description()
                    + " denied access; grant the user the monitor, create_index and write privileges");
        }
    }
}
