package com.example.ats.intake;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of an intake request, for the OpenAPI document only: the resource reads the parts itself. */
@Schema(
        name = "ApplicationUpload",
        requiredProperties = {"application", "cv"})
public class ApplicationUpload {

    @Schema(description = "The application as JSON (send this part with Content-Type application/json)")
    public ApplicationForm application;

    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            description = "The CV: PDF, DOCX, DOC, ODT, RTF or TXT (told from the bytes), at most 10 MiB by default")
    public String cv;

    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            description = "Optional motivation letter, same formats and limit as the CV")
    public String motivationLetter;
}
