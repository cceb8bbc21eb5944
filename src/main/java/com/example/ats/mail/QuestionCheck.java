package com.example.ats.mail;

import java.util.UUID;

/**
 * Whether a consent question can still be answered, asked when its mail is about to be sent: a mail about one that
 * was answered, expired or no longer applies (the consent or the period changed meanwhile) is not sent.
 */
public interface QuestionCheck {

    boolean isOpen(UUID questionId);
}
