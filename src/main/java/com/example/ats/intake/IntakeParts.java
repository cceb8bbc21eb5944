package com.example.ats.intake;

import com.example.ats.document.DocumentKind;
import java.util.List;

/** The parts of an intake request. Any other part name is refused. */
final class IntakeParts {

    static final String APPLICATION = "application";
    static final String CV = "cv";
    static final String MOTIVATION_LETTER = "motivationLetter";
    static final List<String> ALL = List.of(APPLICATION, CV, MOTIVATION_LETTER);
    static final List<String> FILES = List.of(CV, MOTIVATION_LETTER);

    private IntakeParts() {}

    static DocumentKind kindOf(String part) {
        return switch (part) {
            case CV -> DocumentKind.CV;
            case MOTIVATION_LETTER -> DocumentKind.MOTIVATION_LETTER;
            default -> throw new IllegalArgumentException("not a file part: " + part);
        };
    }
}
