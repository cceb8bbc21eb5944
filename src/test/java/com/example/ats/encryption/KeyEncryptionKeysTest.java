package com.example.ats.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key-encryption keys as configured, and the data keys they wrap: plain JUnit, no server. */
class KeyEncryptionKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 2));

    @Test
    void theFirstKeyIsCurrentAndEveryOneIsKnown() {
        KeyEncryptionKeys keks = new KeyEncryptionKeys(List.of("new:" + KEY_B, " old:" + KEY_A + " "));
        assertThat(keks.currentId()).isEqualTo("new");
        assertThat(keks.ids()).containsExactly("new", "old");
        assertThat(keks.byId("old")).isPresent();
        assertThat(keks.byId("gone")).isEmpty();
    }

    @Test
    void aMalformedSettingIsRefusedSayingWhereButNeverTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(bytes(16, 3));
        assertThat(KeyEncryptionKeys.problem(List.of()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("no key is given"));
        assertThat(KeyEncryptionKeys.problem(List.of(KEY_A)))
                .hasValueSatisfying(
                        why -> assertThat(why).startsWith("entry 1 has no id").doesNotContain(KEY_A));
        assertThat(KeyEncryptionKeys.problem(List.of("a:" + KEY_A, "b:" + shortKey)))
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("the key of entry 2 (b) is 16 bytes, not 32")
                        .doesNotContain(shortKey));
        assertThat(KeyEncryptionKeys.problem(List.of("a:not*base64")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the key of entry 1 (a) is not base64"));
        assertThat(KeyEncryptionKeys.problem(List.of("a:" + KEY_A, "a:" + KEY_B)))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the id a is given twice"));
        assertThat(KeyEncryptionKeys.problem(List.of("a:" + KEY_A))).isEmpty();
    }

    @Test
    void aDataKeyOpensOnlyItsOwnDocumentsAndUnwrapsOnlyWithItsKekForItsApplication() throws Exception {
        KeyEncryptionKeys keks = new KeyEncryptionKeys(List.of("a:" + KEY_A, "b:" + KEY_B));
        UUID application = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        DataKey key = DataKey.generate(application);
        byte[] plaintext = "Curriculum vitae, 3 MiB of it ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = encrypt(key, document, plaintext);
        assertThat(ciphertext.length).isGreaterThan(plaintext.length);

        byte[] wrapped = key.wrap(keks.byId("a").orElseThrow());
        DataKey unwrapped = DataKey.unwrap(application, wrapped, keks.byId("a").orElseThrow());
        assertThat(decrypt(unwrapped, document, ciphertext)).isEqualTo(plaintext);

        assertThatThrownBy(() -> decrypt(unwrapped, UUID.randomUUID(), ciphertext))
                .as("another document's ciphertext")
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() ->
                        DataKey.unwrap(application, wrapped, keks.byId("b").orElseThrow()))
                .as("another key-encryption key")
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> DataKey.unwrap(
                        UUID.randomUUID(), wrapped, keks.byId("a").orElseThrow()))
                .as("the wrapped key moved to another application's row")
                .isInstanceOf(GeneralSecurityException.class);
        byte[] cut = java.util.Arrays.copyOf(ciphertext, ciphertext.length - 100);
        assertThatThrownBy(() -> decrypt(unwrapped, document, cut))
                .as("a cut object")
                .isInstanceOf(IOException.class);
    }

    private static byte[] encrypt(DataKey key, UUID document, byte[] plaintext) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = key.encrypting(out, document)) {
            encrypting.write(plaintext);
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(DataKey key, UUID document, byte[] ciphertext) throws IOException {
        try (InputStream in = key.decrypting(new ByteArrayInputStream(ciphertext), document)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
