package com.example.ats.portal;

import java.util.UUID;

/**
 * A file as the portal lists it: its name and its size in words, with a link to download it unless the virus scanner
 * found malware in it; {@code noteKey} names the text that says what the scan means for it (null when it is clean).
 */
public record PortalDocument(UUID id, String name, String size, boolean downloadable, String noteKey) {}
