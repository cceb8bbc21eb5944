package com.example.ats.vacancy;

import com.example.ats.shared.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new vacancy; it opens at once. */
@Schema(name = "CreateVacancyRequest")
public record CreateVacancyRequest(
        @NotBlank @Size(max = 200) @FreeText @Schema(example = "Backend engineer (Java)")
        String title,

        @Size(max = 10000) @FreeText(multiline = true) @Schema(example = "Build privacy-safe HR software with us.")
        String description,

        @Size(max = 200) @FreeText @Schema(example = "Utrecht")
        String location) {}
