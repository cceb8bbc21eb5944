package com.example.ats.portal;

/** A detail the applicant may correct in the portal, with the error next to it. */
public record PortalField(String name, String label, String value, String error, boolean required) {}
