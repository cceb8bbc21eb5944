package com.example.ats.vacancy;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of open vacancies, oldest first. */
@Schema(name = "PublicVacancyPage")
public record PublicVacancyPage(
        List<PublicVacancy> items,

        @Schema(description = "Cursor of the next page; absent on the last page")
        String nextCursor,

        @Schema(
                description = "The next page, relative to the service; absent on the last page",
                format = "uri-reference")
        URI next) {}
