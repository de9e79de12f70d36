package io.connectorkit.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest ({@code dev} when run from classes). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ConnectorCommand.class.getPackage().getImplementationVersion();
        return new String[] {"connector " + (version == null ? "dev" : version),
            "Java " + System.getProperty("java.version")};
    }
}
