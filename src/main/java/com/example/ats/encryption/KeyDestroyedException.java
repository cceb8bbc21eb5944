package com.example.ats.encryption;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import java.util.UUID;

/**
 * An application's files cannot be decrypted: its data key was destroyed, first of all its data, because it is being
 * deleted (a purge waits for a stuck object). Answers 409.
 */
public class KeyDestroyedException extends ApiException {

    public KeyDestroyedException(UUID applicationId) {
        super(
                ProblemType.CONFLICT,
                "The application is being deleted: its files' key is destroyed already (application " + applicationId
                        + ")");
    }
}
