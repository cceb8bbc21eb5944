package com.example.ats.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscriptionList")
public record WebhookList(List<WebhookView> items) {}
