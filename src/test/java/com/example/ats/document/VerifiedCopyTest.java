package com.example.ats.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifiedCopyTest {

    private final byte[] file = new byte[3 * VerifiedCopy.CHUNK + 123];

    VerifiedCopyTest() {
        new Random(42).nextBytes(file);
    }

    @Test
    void copiesAMatchingFileWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifiedCopy.copy(new ByteArrayInputStream(file), out, file.length, sha256(file));
        assertThat(out.toByteArray()).isEqualTo(file);
    }

    @Test
    void withholdsTheLastChunkOfAFileThatChanged() throws Exception {
        byte[] changed = file.clone();
        changed[10] ^= 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> VerifiedCopy.copy(new ByteArrayInputStream(changed), out, file.length, sha256(file)))
                .isInstanceOf(VerifiedCopy.IntegrityException.class);
        assertThat(out.size()).isLessThan(file.length);
    }

    @Test
    void refusesAFileOfAnotherLength() throws Exception {
        byte[] shorter = java.util.Arrays.copyOf(file, file.length - 1);
        assertThatThrownBy(() -> VerifiedCopy.copy(
                        new ByteArrayInputStream(shorter), new ByteArrayOutputStream(), file.length, sha256(shorter)))
                .isInstanceOf(VerifiedCopy.IntegrityException.class);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
