package com.example.ats.retention;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hold in force. */
@Schema(name = "LegalHold")
public record LegalHoldView(UUID applicationId, String reason, Instant until, Instant setAt, String setBy) {}
