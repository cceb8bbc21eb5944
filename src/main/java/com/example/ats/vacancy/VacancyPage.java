package com.example.ats.vacancy;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of vacancies, oldest first, with the way to the next page. */
@Schema(name = "VacancyPage")
public record VacancyPage(
        List<VacancyView> items,

        @Schema(description = "Cursor of the next page; absent on the last page")
        String nextCursor,

        @Schema(
                description = "The next page, relative to the service; absent on the last page",
                format = "uri-reference")
        URI next) {}
