package com.example.ats.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receipt limit counts mailboxes: a tag or other case does not make a fresh quota for the same person. */
class MailboxTest {

    @Test
    void aTagAndCaseReachTheSameMailbox() {
        assertThat(MailOutbox.mailbox(" Anna+1@Example.ORG ")).isEqualTo("anna@example.org");
        assertThat(MailOutbox.mailbox("anna+a+b@example.org")).isEqualTo("anna@example.org");
        assertThat(MailOutbox.mailbox("anna@example.org")).isEqualTo("anna@example.org");
    }

    @Test
    void aPlusOutsideTheLocalPartOrAtItsStartIsLeftAlone() {
        assertThat(MailOutbox.mailbox("+anna@example.org")).isEqualTo("+anna@example.org");
        assertThat(MailOutbox.mailbox("anna@ex+ample.org")).isEqualTo("anna@ex+ample.org");
    }
}
