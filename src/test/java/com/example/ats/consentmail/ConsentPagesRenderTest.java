package com.example.ats.consentmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Language;
import com.example.ats.web.RenderedText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The consent page in every state, for both questions and every answer, in both languages: complete, in words. */
@QuarkusTest
class ConsentPagesRenderTest {

    private static final Instant EXPIRES = Instant.parse("2027-03-02T10:00:00Z");

    @Inject
    ConsentPages pages;

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyStateOfBothQuestions(Language language) {
        for (ConsentQuestion.Purpose purpose : ConsentQuestion.Purpose.values()) {
            for (ConsentQuestionService.State state : ConsentQuestionService.State.values()) {
                for (ConsentQuestion.Answer answer : ConsentQuestion.Answer.values()) {
                    var view = new ConsentQuestionService.View(
                            purpose,
                            state,
                            language.code(),
                            "Ik geef toestemming.",
                            EXPIRES,
                            EXPIRES.plusSeconds(365 * 86_400L),
                            EXPIRES.minusSeconds(86_400),
                            state == ConsentQuestionService.State.ANSWERED ? answer : null,
                            state == ConsentQuestionService.State.ANSWERED ? EXPIRES.minusSeconds(7200) : null);
                    String html = RenderedText.page(pages.page(Optional.of(view), language.locale(), false), language);
                    assertThat(html).contains(language == Language.DUTCH ? "maart 2027" : "March 2027");
                }
            }
        }
        RenderedText.page(pages.page(Optional.empty(), language.locale(), false), language);
    }
}
