package com.example.ats.portal;

/** One consent event as the portal tells it: when, the text key of what, and the guardian when a guardian consented. */
public record PortalConsentEntry(String on, String whatKey, String guardian) {}
