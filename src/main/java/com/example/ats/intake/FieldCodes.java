package com.example.ats.intake;

import java.util.regex.Pattern;

/**
 * Word field instructions that act when a document is opened or updated: DDE runs a program, INCLUDETEXT,
 * INCLUDEPICTURE and IMPORT fetch a file, possibly from a server (leaking the reader's credentials).
 */
final class FieldCodes {

    static final String FOUND = "a field that runs a program or fetches a file (DDE, INCLUDE)";

    /** A field's instruction starts with its type; "import" further on (in a hyperlink's address) is no field. */
    private static final Pattern ACTIVE =
            Pattern.compile("^\\s*(DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|IMPORT)\\b", Pattern.CASE_INSENSITIVE);

    private FieldCodes() {}

    /** Whether a field's whole instruction (its type first) is one of these. */
    static boolean active(CharSequence instruction) {
        return ACTIVE.matcher(instruction).find();
    }
}
