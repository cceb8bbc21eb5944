package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The one derivation gives what each use computed on its own before (an HMAC of the label and the parts, one per
 * line), so tokens, cookies, links and sealed webhook secrets made before still hold; different labels never meet.
 */
class ServerSecretTest {

    private static final String SECRET = "q83bYbHcNvCqJxh0u1tGZbS2oZ8Q4h9A5cXk7l2pTQbA";

    private final ServerSecret secret = new ServerSecret(() -> SECRET);

    @Test
    void aKeyIsTheHmacOfItsLabelAsThePortalAndTheWebhookSealsMadeIt() throws Exception {
        assertThat(secret.derive("ats portal session v1")).isEqualTo(hmac("ats portal session v1"));
        assertThat(secret.derive("ats webhook secrets v1")).isEqualTo(hmac("ats webhook secrets v1"));
    }

    @Test
    void aTokenIsTheHmacOfItsLabelAndPartsOnePerLineAsLinksAndAccessTokensMadeIt() throws Exception {
        assertThat(secret.derive("ats consent link", "3f2c")).isEqualTo(hmac("ats consent link\n3f2c"));
        assertThat(secret.derive("ats-access-token", "app", "key", "sha"))
                .isEqualTo(hmac("ats-access-token\napp\nkey\nsha"));
    }

    @Test
    void differentLabelsOrPartsGiveDifferentValues() {
        assertThat(secret.derive("ats portal session v1")).isNotEqualTo(secret.derive("ats portal forms v1"));
        assertThat(secret.derive("a", "b")).isNotEqualTo(secret.derive("a", "c"));
    }

    private static byte[] hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
