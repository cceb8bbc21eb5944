package com.example.ats.mail;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first name a mail may greet with. Anyone can apply with anyone's e-mail address, so a mail must carry nothing
 * the sender chose that could read as an address or a link (a mail client turns {@code example.com} into one): only a
 * name of letters, with single spaces, hyphens or apostrophes between them, of at most 40 characters. Anything else
 * is not used, and the mail greets the applicant without a name.
 */
final class SafeFirstName {

    private static final int LONGEST = 40;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}]+(?:[ '’-][\\p{L}\\p{M}]+)*");

    private SafeFirstName() {}

    static Optional<String> of(String firstName) {
        if (firstName == null) {
            return Optional.empty();
        }
        String name = firstName.strip();
        return name.length() <= LONGEST && NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
