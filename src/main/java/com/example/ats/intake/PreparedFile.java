package com.example.ats.intake;

import com.example.ats.document.DocumentFormat;
import com.example.ats.document.DocumentKind;

/** A received file after its checks: what it is, under which name it is kept, and its fingerprint. */
record PreparedFile(
        IncomingFile incoming, DocumentKind kind, DocumentFormat format, String fileName, long size, String sha256) {}
