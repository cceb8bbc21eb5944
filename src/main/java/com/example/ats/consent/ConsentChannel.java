package com.example.ats.consent;

/** How the consent reached us. */
public enum ConsentChannel {
    WEB,
    EMAIL,
    PHONE,
    POST,
    IN_PERSON
}
