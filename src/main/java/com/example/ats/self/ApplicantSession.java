package com.example.ats.self;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The application a self-service request's token opened, for the length of that request. */
@RequestScoped
public class ApplicantSession {

    private UUID applicationId;

    void open(UUID applicationId) {
        this.applicationId = applicationId;
    }

    /** The application of this request; never null once {@link ApplicantTokenFilter} let the request through. */
    public UUID applicationId() {
        if (applicationId == null) {
            throw new ApiException(ProblemType.UNAUTHENTICATED, "Send the access token you received when you applied");
        }
        return applicationId;
    }
}
