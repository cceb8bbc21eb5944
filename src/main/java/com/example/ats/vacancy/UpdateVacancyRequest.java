package com.example.ats.vacancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole new state of a vacancy; closing it stops new applications to it. */
@Schema(name = "UpdateVacancyRequest")
public record UpdateVacancyRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Backend engineer (Java)")
        String title,

        @Size(max = 10000) String description,
        @Size(max = 200) @Schema(example = "Utrecht") String location,
        @NotNull @Schema(example = "CLOSED") VacancyStatus status) {}
