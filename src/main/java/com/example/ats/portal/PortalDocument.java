package com.example.ats.portal;

import java.util.UUID;

/** A file as the portal lists it: its name and its size in words, with a link to download it. */
public record PortalDocument(UUID id, String name, String size) {}
