package com.example.ats.webhook;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryPage")
public record DeliveryPage(
        List<DeliveryView> items,
        @Schema(description = "Absent on the last page") String nextCursor,

        @Schema(description = "The next page's URL (relative); absent on the last page", format = "uri-reference")
        URI next) {}
