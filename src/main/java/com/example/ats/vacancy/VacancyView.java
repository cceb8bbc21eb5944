package com.example.ats.vacancy;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A vacancy as the API shows it. */
@Schema(name = "Vacancy")
public record VacancyView(
        UUID id,
        String title,
        String description,
        String location,
        VacancyStatus status,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Version for If-Match; the same as the ETag header")
        long version) {

    static VacancyView from(Vacancy vacancy) {
        return new VacancyView(
                vacancy.id,
                vacancy.title,
                vacancy.description,
                vacancy.location,
                vacancy.status,
                vacancy.createdAt,
                vacancy.updatedAt,
                vacancy.version);
    }
}
