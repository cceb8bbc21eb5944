package com.example.ats.portal;

/**
 * A detail as the portal shows it (in the table of what is held, or in the form to correct it), with the error next
 * to it.
 *
 * @param labelKey the text key of its label
 * @param errorKey the text key of its error, null when it has none
 */
public record PortalField(String name, String labelKey, String value, String errorKey, boolean required) {}
