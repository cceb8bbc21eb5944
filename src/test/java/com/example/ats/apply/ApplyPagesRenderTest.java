package com.example.ats.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.application.ApplicationStatus;
import com.example.ats.intake.ApplicationReceipt;
import com.example.ats.shared.Language;
import com.example.ats.vacancy.VacancyService;
import com.example.ats.web.ApplicantTexts;
import com.example.ats.web.RenderedText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The apply page's pages in both languages, the form with every error the bundle has: complete, in words. */
@QuarkusTest
class ApplyPagesRenderTest {

    @Inject
    ApplyPages pages;

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFormWithEveryErrorTheReceiptAndNotFound(Language language) {
        var locale = language.locale();
        var vacancy = new VacancyService.OpenVacancy(UUID.randomUUID(), "Backend <engineer>", "Java", "Utrecht");
        String empty = RenderedText.page(pages.form(vacancy, locale, Map.of(), Map.of(), 200), language);
        assertThat(empty)
                .contains("Backend &lt;engineer&gt;")
                .contains(language == Language.DUTCH ? "maanden" : "months")
                .contains("data-chosen=\"" + (language == Language.DUTCH ? "Gekozen" : "Chosen") + ": {0} ({1}).\"");
        RenderedText.page(pages.form(null, locale, Map.of(), Map.of(), 200), language);

        List<String> errors = Arrays.stream(ApplicantTexts.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(key -> key.startsWith("error_"))
                .toList();
        assertThat(errors).hasSizeGreaterThan(20);
        for (String field : List.of(
                "form",
                "firstName",
                "email",
                "birthDate",
                "address",
                "cv",
                "motivationLetter",
                "consent",
                "guardian")) {
            for (String error : errors) {
                String html = RenderedText.page(
                        pages.form(vacancy, locale, Map.of("email", "a@b"), Map.of(field, error), 422), language);
                assertThat(html).contains("error-summary");
            }
        }

        var receipt = new ApplicationReceipt(
                UUID.randomUUID(),
                vacancy.id(),
                ApplicationStatus.RECEIVED,
                Instant.parse("2026-03-02T10:00:00Z"),
                Instant.parse("2026-03-30T10:00:00Z"),
                false,
                List.of(),
                "the-access-code");
        String done = RenderedText.page(pages.done(receipt, locale), language);
        assertThat(done).contains("the-access-code", language == Language.DUTCH ? "2 maart 2026" : "2 March 2026");
        RenderedText.page(pages.notFound(locale), language);
    }
}
