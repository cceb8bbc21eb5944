package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule for the server secret: 32 random bytes in any usual form pass; examples, short or repetitive ones fail. */
class SecretStrengthTest {

    /** Fixed, so that the test is the same on every run: 100 secrets as a random generator makes them. */
    private static final Random RANDOM = new Random(20261207);

    @Test
    void thirtyTwoRandomBytesPassInBase64Base64UrlAndHex() {
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            assertThat(SecretStrength.weakness(Base64.getEncoder().encodeToString(bytes)))
                    .isEmpty();
            assertThat(SecretStrength.weakness(
                            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                    .isEmpty();
            assertThat(SecretStrength.weakness(HexFormat.of().formatHex(bytes))).isEmpty();
        }
    }

    @Test
    void aWordOfLettersCountsAsTextNotAsBase64() {
        assertThat(SecretStrength.weakness("correcthorsebatterystaplecorrecthorsebattery"))
                .isPresent();
        assertThat(SecretStrength.weakness("correcthorsebatterystaplecorrecthorsebatterystaplecorrecthorsebat"))
                .isEmpty();
    }

    @Test
    void aLongVariedPassphrasePasses() {
        assertThat(SecretStrength.weakness("Tussen Zwolle en Meppel stond 1 rode koe, 7 schapen & 3 gele fietsen!"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "change-me",
                "CHANGE-ME",
                "dev-and-test-only",
                "replicas-test-only",
                "x",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababababababababababababababababab",
                // 31 random bytes: one short
                "q83bYbHcNvCqJxh0u1tGZbS2oZ8Q4h9A5cXk7l2pTQ==",
                // 16 bytes of hex: 32 characters, but only 16 bytes
                "3f9a0c7d21b84e6fa5c2d9e01b7f4a68",
                "a varied but short passphrase!"
            })
    void examplesShortOrRepetitiveSecretsAreRefusedWithAReasonThatDoesNotRepeatThem(String secret) {
        assertThat(SecretStrength.weakness(secret)).hasValueSatisfying(why -> {
            assertThat(why).isNotBlank();
            if (!secret.isBlank()) {
                assertThat(why).doesNotContain(secret.strip());
            }
        });
    }
}
