package com.example.ats.intake;

import com.example.ats.document.DocumentFormat;
import com.example.ats.document.DocumentKind;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Checks a received file before anything is stored: not empty, not too large, an allowed format without active
 * content; names and hashes it.
 */
@ApplicationScoped
public class FilePreparer {

    private final IntakeConfig config;
    private final FileInspector inspector;
    private final ActiveContentCheck activeContent;

    FilePreparer(IntakeConfig config, FileInspector inspector, ActiveContentCheck activeContent) {
        this.config = config;
        this.inspector = inspector;
        this.activeContent = activeContent;
    }

    public PreparedFile prepare(IncomingFile file) {
        long size = file.size();
        if (size == 0) {
            throw ApiException.invalidField(file.part(), "is empty");
        }
        if (size > config.maxFileSize().asLongValue()) {
            throw new ApiException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The file in part '" + file.part() + "' is larger than "
                            + config.maxFileSize().asLongValue() + " bytes",
                    List.of(new Problem.FieldError(file.part(), "too large")));
        }
        DocumentFormat format = inspector.inspect(file.part(), file.path());
        activeContent.check(file.part(), file.path(), format);
        DocumentKind kind = IntakeParts.kindOf(file.part());
        String name =
                FileNames.sanitise(file.clientFileName(), format, kind.name().toLowerCase(Locale.ROOT));
        return new PreparedFile(file, kind, format, name, size, file.sha256());
    }
}
