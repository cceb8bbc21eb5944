package com.example.ats.encryption;

import static com.example.ats.shared.Api.as;

import java.util.UUID;

/** Files as staff get them through the service. */
final class Downloads {

    private Downloads() {}

    /** The application's CV, downloaded by a recruiter. */
    static byte[] cv(UUID application) {
        String cvId = as("recruiter")
                .get("/api/v1/applications/{id}", application)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("documents.find { it.kind == 'CV' }.id");
        return as("recruiter")
                .get("/api/v1/applications/{id}/documents/{doc}/content", application, cvId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }
}
