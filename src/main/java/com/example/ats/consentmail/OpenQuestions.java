package com.example.ats.consentmail;

import com.example.ats.mail.QuestionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Tells the mail worker whether a question's mail still makes sense to send. */
@ApplicationScoped
class OpenQuestions implements QuestionCheck {

    private final ConsentQuestionService questions;

    OpenQuestions(ConsentQuestionService questions) {
        this.questions = questions;
    }

    @Override
    public boolean isOpen(UUID questionId) {
        return questions.isOpen(questionId);
    }
}
