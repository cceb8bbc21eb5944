package com.example.ats.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One signed POST, as the Standard Webhooks convention has it: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (HMAC-SHA256 over id.timestamp.body, made by the convention's own library). No redirects
 * are followed, the wait is short, and the response's body is never read.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of one attempt: delivered or not, and a code for the deliveries list (never the response body). */
    public record Outcome(boolean delivered, String code) {}

    private final TargetPolicy targets;
    private final Duration responseTimeout;
    private final HttpClient http;

    WebhookSender(TargetPolicy targets, WebhookConfig config) {
        this.targets = targets;
        this.responseTimeout = config.responseTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /**
     * Sends {@code body} (the event's JSON) to {@code target}, signed with {@code secret}. The timestamp is the wall
     * clock's, not the service's business clock: receivers compare it with theirs to refuse replays.
     */
    public Outcome send(URI target, String secret, String messageId, String body) {
        try {
            targets.checkReachable(target);
        } catch (TargetPolicy.UnsafeTargetException e) {
            return new Outcome(false, "UNSAFE_TARGET");
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(messageId, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return new Outcome(false, "SIGNING_FAILED");
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(responseTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "ats-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // never read: a receiver cannot make us hold its answer
            int status = response.statusCode();
            return new Outcome(status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException e) {
            // One code for refused, unreachable and silent targets: a finer one would make the ping a port scanner.
            return new Outcome(false, "NO_ANSWER");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "INTERRUPTED");
        }
    }
}
