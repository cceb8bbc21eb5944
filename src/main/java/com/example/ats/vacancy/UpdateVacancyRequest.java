package com.example.ats.vacancy;

import com.example.ats.shared.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole new state of a vacancy; closing it stops new applications to it. */
@Schema(name = "UpdateVacancyRequest")
public record UpdateVacancyRequest(
        @NotBlank @Size(max = 200) @FreeText @Schema(example = "Backend engineer (Java)")
        String title,

        @Size(max = 10000) @FreeText(multiline = true) String description,

        @Size(max = 200) @FreeText @Schema(example = "Utrecht")
        String location,

        @NotNull @Schema(example = "CLOSED") VacancyStatus status) {}
