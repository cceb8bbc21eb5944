package com.example.ats.portal;

/** One consent event as the portal tells it: when, what, and the guardian when a guardian consented. */
public record PortalConsentEntry(String on, String what, String guardian) {}
