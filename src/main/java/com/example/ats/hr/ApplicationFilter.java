package com.example.ats.hr;

import com.example.ats.application.ApplicationStatus;
import com.example.ats.shared.FreeText;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the application list; absent ones do not filter. */
public class ApplicationFilter {

    @QueryParam("vacancyId")
    @Parameter(description = "Only applications for this vacancy")
    public UUID vacancyId;

    @QueryParam("status")
    @Parameter(description = "Only these statuses (repeat the parameter for several)")
    public List<ApplicationStatus> status;

    @QueryParam("appliedFrom")
    @Parameter(description = "Applied at or after this instant")
    public Instant appliedFrom;

    @QueryParam("appliedTo")
    @Parameter(description = "Applied before this instant")
    public Instant appliedTo;

    @QueryParam("q")
    @Size(min = 2, max = 100)
    @FreeText
    @Parameter(description = "Part of the first name, last name or e-mail address, case-insensitive (2+ characters)")
    public String q;

    @QueryParam("expiresBefore")
    @Parameter(description = "Expiring before this instant")
    public Instant expiresBefore;
}
