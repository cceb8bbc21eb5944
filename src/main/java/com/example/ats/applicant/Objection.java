package com.example.ats.applicant;

import com.example.ats.shared.FreeText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the applicant objects; optional. The same rules whichever face it was typed into. */
@Schema(name = "SelfObjection")
public record Objection(
        @Size(max = 2000)
        @FreeText(multiline = true)
        @Schema(description = "In your own words; read by the privacy officer only; no citizen service number")
        String reason) {}
