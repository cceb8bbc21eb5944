package com.example.ats.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * The token of a sign-in link, asked when its mail is about to be sent: none when the link was used or has expired
 * meanwhile (the mail is then not sent). The token exists only while the mail is rendered.
 */
public interface SignInLinkCheck {

    Optional<String> tokenIfOpen(UUID linkId);
}
