package io.connectorkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCredentialTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aDataDirectoryGetsAPrivatePasswordThatIsKeptAcrossStarts() throws Exception {
        Path data = dir.resolve("index");
        EmbeddedCredential made = EmbeddedCredential.prepare(data);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(EmbeddedCredential.file(data))).isEqualTo("rw-------");
        assertThat(Files.readString(EmbeddedCredential.file(data), StandardCharsets.UTF_8).strip())
                .isEqualTo(made.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(made.toString()).doesNotContain(made.password());

        assertThat(EmbeddedCredential.prepare(data).password()).as("kept").isEqualTo(made.password());
        assertThat(EmbeddedCredential.read(data)).isPresent().get()
                .satisfies(c -> assertThat(c.authorization()).isEqualTo(made.authorization()));
        assertThat(made.accepts(made.authorization())).isTrue();
        assertThat(made.accepts(null)).isFalse();
        assertThat(made.accepts("Basic Y29ubmVjdG9yOg==")).isFalse();
        assertThat(made.accepts(made.authorization() + "x")).isFalse();
    }

    @Test
    void aWideDirectoryIsTightenedAndAPasswordOthersCouldReadIsReplaced() throws Exception {
        Path data = Files.createDirectories(dir.resolve("wide"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = EmbeddedCredential.file(data);
        Files.writeString(file, "readable-by-everyone-0123456789\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        EmbeddedCredential made = EmbeddedCredential.prepare(data);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(made.password()).isNotEqualTo("readable-by-everyone-0123456789");
        assertThat(EmbeddedCredential.read(dir.resolve("none"))).isEmpty();
    }
}
