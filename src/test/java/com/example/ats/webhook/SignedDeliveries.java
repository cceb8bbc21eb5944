package com.example.ats.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The receiver code the README shows, verbatim: what an HR tool runs on each delivery. */
final class SignedDeliveries {

    private SignedDeliveries() {}

    /** Whether to handle this delivery: false for one already handled; throws for a forged or stale one. */
    static boolean accept(String secret, String body, Map<String, List<String>> headers, Set<String> seen)
            throws Exception {
        Webhook webhook = new Webhook(secret); // com.standardwebhooks:standardwebhooks
        webhook.verify(body, headers); // throws WebhookVerificationException: forged, or older than 5 minutes
        return seen.add(headers.get("webhook-id").getFirst()); // at least once: skip what was handled already
    }

    static boolean verifies(String secret, Receiver.Received delivery) {
        try {
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            return true;
        } catch (WebhookVerificationException | RuntimeException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
