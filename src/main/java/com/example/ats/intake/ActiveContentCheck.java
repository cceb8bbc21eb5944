package com.example.ats.intake;

import com.example.ats.document.DocumentFormat;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Refuses documents that are not malware but can act when a recruiter opens them (ADR 0015): scripts, launch and
 * other actions in PDFs ({@link PdfActiveContent}); embedded objects, remote templates and DDE or INCLUDE fields in
 * RTF ({@link RtfActiveContent}), DOCX, DOC and ODT ({@link OfficeActiveContent}). Macros are refused by the
 * {@link FileInspector}. A file whose structure cannot be read cannot be checked, and is refused too.
 */
@ApplicationScoped
public class ActiveContentCheck {

    /** Throws a 422 problem naming the part and what was found; returns when the document has none. */
    public void check(String part, Path file, DocumentFormat format) {
        Optional<String> found = find(file, format);
        if (found.isPresent()) {
            throw new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    "The file in part '" + part + "' contains " + found.get() + ", which we do not pass on to"
                            + " recruiters; save it without (for instance print it to PDF) and send it again",
                    List.of(new Problem.FieldError(part, "active content: " + found.get())));
        }
    }

    static Optional<String> find(Path file, DocumentFormat format) {
        return switch (format) {
            case PDF -> PdfActiveContent.find(file);
            case RTF -> RtfActiveContent.find(file);
            case DOCX -> OfficeActiveContent.docx(file);
            case ODT -> OfficeActiveContent.odt(file);
            case DOC -> OfficeActiveContent.doc(file);
            case TXT -> Optional.empty();
        };
    }
}
