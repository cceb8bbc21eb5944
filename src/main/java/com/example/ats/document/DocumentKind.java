package com.example.ats.document;

/** What a document is for. */
public enum DocumentKind {
    CV,
    MOTIVATION_LETTER,
    OTHER
}
