package com.example.ats.vacancy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open vacancy as a career site shows it: nothing about who handles it or its history. */
@Schema(name = "PublicVacancy")
public record PublicVacancy(
        UUID id,
        String title,
        String description,
        String location,

        @Schema(description = "The day it was opened (Europe/Amsterdam)", example = "2026-11-02")
        LocalDate openedOn) {

    static PublicVacancy from(Vacancy vacancy, ZoneId zone) {
        return new PublicVacancy(
                vacancy.id,
                vacancy.title,
                vacancy.description,
                vacancy.location,
                vacancy.createdAt.atZone(zone).toLocalDate());
    }
}
