package com.example.ats.scan;

/** The scanner could not give a verdict in time: unreachable, too slow, or it answered with an error. */
public class ScannerUnavailableException extends RuntimeException {

    public ScannerUnavailableException(String message) {
        super(message);
    }

    public ScannerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
