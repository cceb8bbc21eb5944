package com.example.ats.consent;

/** What happened to a consent. */
public enum ConsentAction {
    GRANTED,
    REFUSED,
    WITHDRAWN
}
