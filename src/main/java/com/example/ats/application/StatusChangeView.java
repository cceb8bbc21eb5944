package com.example.ats.application;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of an application through the pipeline. */
@Schema(name = "StatusChange")
public record StatusChangeView(
        ApplicationStatus from, ApplicationStatus to, Instant changedAt, String changedBy, String changedByRole) {

    public static StatusChangeView of(StatusChange change) {
        return new StatusChangeView(
                change.fromStatus, change.toStatus, change.changedAt, change.changedBy, change.changedByRole);
    }
}
