package io.connectorkit.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hash and length always cover every byte; what is kept, and where, follows the two limits. */
class SpooledBytesTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] readBack(SpooledBytes s) throws IOException {
        try (InputStream in = s.open()) {
            return in.readAllBytes();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void smallContentStaysInMemory() throws Exception {
        byte[] b = "hello".getBytes();
        try (SpooledBytes s = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 1024, Long.MAX_VALUE,
                SpooledBytes.Progress.NONE)) {
            assertThat(s.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
            assertThat(s.length()).isEqualTo(5);
            assertThat(s.complete()).isTrue();
            assertThat(s.file()).isEmpty();
            assertThat(readBack(s)).isEqualTo(b);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void largeContentGoesToAFileInTheDirectoryWhichCloseDeletes() throws Exception {
        byte[] b = bytes(300_000);
        SpooledBytes s = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 100_000, Long.MAX_VALUE,
                SpooledBytes.Progress.NONE);
        assertThat(s.file()).hasValueSatisfying(f -> {
            assertThat(f.getParent()).isEqualTo(dir);
            assertThat(f.getFileName().toString()).startsWith("t-").endsWith(".bin");
        });
        assertThat(s.complete()).isTrue();
        assertThat(s.sha256()).isEqualTo(sha256(b));
        assertThat(readBack(s)).isEqualTo(b);
        assertThat(readBack(s)).as("each open is a fresh stream").isEqualTo(b);
        s.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void bytesPastTheStoreLimitAreHashedButNotKept() throws Exception {
        byte[] b = bytes(200_000);
        try (SpooledBytes s = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 1 << 20, 150_000,
                SpooledBytes.Progress.NONE)) {
            assertThat(s.complete()).isFalse();
            assertThat(s.length()).isEqualTo(200_000);
            assertThat(s.sha256()).isEqualTo(sha256(b));
            assertThat(readBack(s)).isEqualTo(Arrays.copyOf(b, 150_000));
        }
        try (SpooledBytes exact = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 1 << 20, 200_000,
                SpooledBytes.Progress.NONE)) {
            assertThat(exact.complete()).as("a content of exactly the limit is kept").isTrue();
        }
    }

    @Test
    void aNegativeMemoryLimitKeepsNothing() throws Exception {
        byte[] b = bytes(100_000);
        try (SpooledBytes s = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", -1, Long.MAX_VALUE,
                SpooledBytes.Progress.NONE)) {
            assertThat(s.complete()).isFalse();
            assertThat(s.file()).isEmpty();
            assertThat(s.length()).isEqualTo(100_000);
            assertThat(s.sha256()).isEqualTo(sha256(b));
            assertThat(readBack(s)).isEmpty();
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void progressSeesEveryChunkAndCanStopTheReadWithoutLeavingAFile() throws Exception {
        List<Long> seen = new ArrayList<>();
        byte[] b = bytes(200_000);
        try (SpooledBytes s = SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 1000, Long.MAX_VALUE,
                (before, chunk) -> seen.add(before + chunk))) {
            assertThat(s.length()).isEqualTo(200_000);
            assertThat(seen).isNotEmpty().isSorted().last().isEqualTo(200_000L);
        }
        assertThatThrownBy(() -> SpooledBytes.read(new ByteArrayInputStream(b), dir, "t-", 1000, Long.MAX_VALUE,
                (before, chunk) -> {
                    if (before > 0) {
                        throw new IOException("stop after " + before);
                    }
                })).isInstanceOf(IOException.class).hasMessageStartingWith("stop after ");
        assertThat(files()).isEmpty();
    }

    @Test
    void aFailingStreamLeavesNoFile() {
        InputStream broken = new InputStream() {
            private int left = 200_000;

            @Override
            public int read() throws IOException {
                // Fails on every call once exhausted: the default bulk read swallows a failure after its first byte.
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };
        assertThatThrownBy(() -> SpooledBytes.read(broken, dir, "t-", 1000, Long.MAX_VALUE, SpooledBytes.Progress.NONE))
                .hasMessage("connection reset");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
