package com.example.ats.self;

import com.example.ats.audit.AuditLog;
import com.example.ats.retention.Erasure;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The privacy officer fulfils requests received by e-mail or post: an export, or erasure, on the applicant's behalf.
 * Served under /api/v1/applications by {@link com.example.ats.hr.StaffApplicationResource}, which owns that path.
 */
@ApplicationScoped
public class OnBehalf {

    private final SelfService applications;
    private final Export export;
    private final Erasure erasure;
    private final AuditLog audit;
    private final Caller caller;

    OnBehalf(SelfService applications, Export export, Erasure erasure, AuditLog audit, Caller caller) {
        this.applications = applications;
        this.export = export;
        this.erasure = erasure;
        this.audit = audit;
        this.caller = caller;
    }

    public Response export(UUID id) {
        SelfApplicationView view = applications.find(id).orElseThrow(() -> ApiException.notFound("Application"));
        Response archive = export.answer(view);
        audit.record(caller.subject(), caller.role(), "EXPORTED_ON_BEHALF", id, null);
        return archive;
    }

    public void erase(UUID id, String reason) {
        if (!erasure.erase(id, "The application is under a legal hold: release the hold first if erasure is due")) {
            throw ApiException.notFound("Application");
        }
        audit.record(caller.subject(), caller.role(), "ERASED_ON_BEHALF", id, reason);
    }
}
