package com.example.ats.storage;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;

/** The object store did not answer or refused; the request can be retried later (503). */
public class ObjectStoreUnavailableException extends ApiException {

    public ObjectStoreUnavailableException(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "File storage is unavailable; retry later", cause);
    }
}
