package com.example.ats.apply;

/** An entry of the error summary at the top of the page: the message, linked to its field. */
public record ErrorLink(String anchor, String text) {

    static ErrorLink of(String field, String text) {
        String anchor = switch (field) {
            case "form" -> "main";
            case "consent" -> "consent-yes";
            case "guardian" -> "guardianName";
            case "address" -> "street";
            default -> field;
        };
        return new ErrorLink(anchor, text);
    }
}
