package com.example.ats.encryption;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;

/**
 * A data key is wrapped by a key-encryption key this replica is not given (a rotation rolled out in the wrong order,
 * or a key removed too early): the file is there and readable once the key is configured again. Answers 503; the key's
 * id is for the log only.
 */
public class KeyUnavailableException extends ApiException {

    private final String kekId;

    public KeyUnavailableException(String kekId) {
        super(
                ProblemType.SERVICE_UNAVAILABLE,
                "A file of this application cannot be decrypted by this replica right now; retry shortly");
        this.kekId = kekId;
        withHeader("Retry-After", "30");
    }

    /** The id of the key-encryption key that is missing, for the operator's log. */
    public String kekId() {
        return kekId;
    }
}
