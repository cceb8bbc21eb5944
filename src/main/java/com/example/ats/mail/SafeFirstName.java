package com.example.ats.mail;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first name a mail may greet with. Anyone can apply with anyone's e-mail address, so a mail must carry nothing
 * the sender chose that could read as an address or a link (a mail client turns {@code example.com} into one): only a
 * name of letters (hyphens and apostrophes inside a word), at most three words and 40 characters. Anything else
 * is not used, and the mail greets the applicant without a name.
 */
final class SafeFirstName {

    private static final int LONGEST = 40;
    /** Letters, but not modifier letters (some look like a dot: {@code paypalꓸcom}); at most three words. */
    private static final String WORD = "[\\p{L}\\p{M}&&[^\\p{Lm}]]+(?:['’-][\\p{L}\\p{M}&&[^\\p{Lm}]]+)*";

    private static final Pattern NAME = Pattern.compile(WORD + "(?: " + WORD + "){0,2}");

    private SafeFirstName() {}

    static Optional<String> of(String firstName) {
        if (firstName == null) {
            return Optional.empty();
        }
        String name = firstName.strip();
        return name.length() <= LONGEST && NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
