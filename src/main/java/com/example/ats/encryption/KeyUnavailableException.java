package com.example.ats.encryption;

/**
 * A data key is wrapped by a key-encryption key this replica is not given (a rotation rolled out in the wrong order,
 * or a key removed too early): the file is there and readable once the key is configured again.
 */
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String kekId) {
        super("The key-encryption key " + kekId + " is not configured (ATS_KEY_ENCRYPTION_KEYS)");
    }
}
