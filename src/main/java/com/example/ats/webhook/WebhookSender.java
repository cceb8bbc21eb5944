package com.example.ats.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One signed POST, as the Standard Webhooks convention has it: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} (HMAC-SHA256 over id.timestamp.body, made by the convention's own library). The
 * connection goes to the address {@link TargetPolicy} checked, never to a second lookup of the name (TLS still
 * verifies the certificate against the name); no proxy is used, no redirects are followed, the wait is short, and
 * the response's body is never read.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of one attempt: delivered or not, and a code for the deliveries list (never the response body). */
    public record Outcome(boolean delivered, String code) {}

    private static final MediaType JSON = MediaType.get("application/json");

    private final TargetPolicy targets;
    private final OkHttpClient http;

    @Inject
    WebhookSender(TargetPolicy targets, WebhookConfig config) {
        this(targets, config.connectTimeout(), config.responseTimeout());
    }

    WebhookSender(TargetPolicy targets, Duration connectTimeout, Duration responseTimeout) {
        this.targets = targets;
        this.http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(responseTimeout)
                .callTimeout(connectTimeout.plus(responseTimeout))
                .build();
    }

    /**
     * Sends {@code body} (the event's JSON) to {@code target}, signed with {@code secret}. The timestamp is the wall
     * clock's, not the service's business clock: receivers compare it with theirs to refuse replays.
     */
    public Outcome send(URI target, String secret, String messageId, String body) {
        InetAddress checked;
        try {
            checked = targets.checkReachable(target);
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
        Request request = new Request.Builder()
                .url(target.toString())
                .header("content-type", "application/json")
                .header("user-agent", "ats-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .post(RequestBody.create(body, JSON))
                .build();
        OkHttpClient pinned = http.newBuilder().dns(host -> List.of(checked)).build();
        try (Response response = pinned.newCall(request).execute()) { // closed unread
            int status = response.code();
            return new Outcome(status >= 200 && status < 300, "HTTP " + status);
        } catch (IOException e) {
            // One code for refused, unreachable and silent targets: a finer one would make the ping a port scanner.
            return new Outcome(false, "NO_ANSWER");
        }
    }
}
