package com.example.ats.encryption;

import java.util.UUID;

/** An application's files cannot be decrypted: its data key is gone, or no configured key unwraps it. */
public class KeyDestroyedException extends RuntimeException {

    public KeyDestroyedException(UUID applicationId) {
        super("No data key for application " + applicationId);
    }
}
