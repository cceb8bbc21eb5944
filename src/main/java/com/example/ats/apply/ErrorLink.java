package com.example.ats.apply;

/** An entry of the error summary at the top of the page: the text key of the message, linked to its field. */
public record ErrorLink(String anchor, String key) {

    static ErrorLink of(String field, String key) {
        String anchor = switch (field) {
            case "form" -> "main";
            case "consent" -> "consent-yes";
            case "guardian" -> "guardianName";
            case "address" -> "street";
            default -> field;
        };
        return new ErrorLink(anchor, key);
    }
}
