package com.example.ats.intake;

import java.nio.file.Path;

/** A file part as the HTTP layer received it: spooled to a temporary file, not held in memory. */
public record IncomingFile(String part, Path path, String clientFileName) {}
