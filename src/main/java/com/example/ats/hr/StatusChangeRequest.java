package com.example.ats.hr;

import com.example.ats.application.ApplicationStatus;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the application moves. */
@Schema(name = "StatusChangeRequest")
public record StatusChangeRequest(
        @NotNull @Schema(required = true, description = "The new status; see allowedTransitions of the detail")
        ApplicationStatus status) {}
