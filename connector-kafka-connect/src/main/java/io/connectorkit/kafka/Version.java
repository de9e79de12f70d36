package io.connectorkit.kafka;

/** The plugin's version, from the jar's manifest. */
final class Version {
    static final String VERSION = version();

    private Version() {
    }

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
