package io.connectorkit.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The password of one embedded index's data directory, kept in {@code <data-dir>/}{@value #FILE_NAME}
 * (mode 0600, in a directory of mode 0700): the node answers only requests that send it as HTTP
 * Basic authentication for the user {@value #USERNAME}, so that other users of the machine cannot
 * read or delete the mail over {@code 127.0.0.1}. It is made once per data directory and kept
 * across restarts; a command that uses the node another process runs reads it from the same file.
 * Never shown: {@link #toString()} masks it.
 */
public final class EmbeddedCredential {
    /** The file's name inside the data directory. */
    public static final String FILE_NAME = "credential";
    /** The user name that goes with the password. */
    public static final String USERNAME = "connector";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 24;

    private final String password;

    private EmbeddedCredential(String password) {
        this.password = requireNonNull(password, "password");
    }

    /**
     * @param dataDir the embedded index's data directory
     * @return the file that holds the directory's password
     */
    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /**
     * Gets the data directory ready for a node: creates it (mode 0700, tightened if it was wider)
     * and its password file (mode 0600), or keeps the password already there when its file is the
     * owner's alone. A file others could read is replaced by a new password.
     *
     * @param dataDir the embedded index's data directory
     * @return the directory's password
     * @throws IOException if the directory or the file cannot be made private or written
     */
    public static EmbeddedCredential prepare(Path dataDir) throws IOException {
        Path home = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(home);
        boolean posix = Files.getFileAttributeView(home, PosixFileAttributeView.class) != null;
        if (posix && !Files.getPosixFilePermissions(home).equals(OWNER_ONLY_DIR)) {
            Files.setPosixFilePermissions(home, OWNER_ONLY_DIR);
        }
        Path file = home.resolve(FILE_NAME);
        if (Files.isRegularFile(file) && (!posix || Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE))) {
            Optional<EmbeddedCredential> kept = parse(Files.readString(file, StandardCharsets.UTF_8));
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        EmbeddedCredential made = new EmbeddedCredential(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        Path partial = home.resolve(FILE_NAME + ".partial");
        Files.deleteIfExists(partial);
        if (posix) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, made.password + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return made;
    }

    /**
     * Reads the password of a data directory whose node another process runs.
     *
     * @param dataDir the embedded index's data directory
     * @return the password, empty when there is no readable one
     */
    public static Optional<EmbeddedCredential> read(Path dataDir) {
        Path file = file(dataDir);
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<EmbeddedCredential> parse(String text) {
        String password = text.strip();
        return password.length() < 16 || password.contains(":") || password.chars().anyMatch(Character::isWhitespace)
                ? Optional.empty() : Optional.of(new EmbeddedCredential(password));
    }

    /** @return the password, for the client's Basic authentication only */
    public String password() {
        return password;
    }

    /** @return the value of the {@code Authorization} header that the node accepts */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param authorization the {@code Authorization} header a request sent, or {@code null}
     * @return whether it is this credential (compared in constant time)
     */
    public boolean accepts(String authorization) {
        return authorization != null && MessageDigest.isEqual(authorization.trim().getBytes(StandardCharsets.UTF_8),
                authorization().getBytes(StandardCharsets.UTF_8));
    }

    /** @return a masked form: the password never appears in messages or logs */
    @Override
    public String toString() {
        return "EmbeddedCredential[" + USERNAME + ":****]";
    }
}
