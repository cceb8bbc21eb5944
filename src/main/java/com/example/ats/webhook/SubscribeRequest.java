package com.example.ats.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscriptionRequest")
public record SubscribeRequest(
        @NotBlank
        @Size(max = TargetPolicy.MAX_URL_LENGTH)
        @Schema(
                description = "Where to POST the events: https, a public address",
                example = "https://hr-tool.example.com/ats-events",
                format = "uri",
                maxLength = TargetPolicy.MAX_URL_LENGTH)
        String targetUrl,

        @NotNull
        @Size(min = 1, max = 20)
        @Schema(
                description = "The event types wanted (see the contract's webhooks); `webhook.ping` is always"
                        + " sent once, when subscribing",
                example = "[\"application.erased\", \"application.purged\"]")
        List<@NotBlank @Size(max = 64) String> eventTypes) {}
