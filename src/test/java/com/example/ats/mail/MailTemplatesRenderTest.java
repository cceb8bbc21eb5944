package com.example.ats.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.privacy.PrivacyRequest;
import com.example.ats.shared.Language;
import com.example.ats.web.RenderedText;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every mail in both languages (each privacy request type and outcome included), as text and as HTML: complete, in
 * words, the sender's text escaped in the HTML, and a subject in the mail's language.
 */
@QuarkusTest
class MailTemplatesRenderTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyMailAsTextAndHtml(Language language) {
        Map<MailKind, Supplier<TemplateInstance>> mails = new java.util.EnumMap<>(MailKind.class);
        mails.put(
                MailKind.RECEIPT,
                () -> new MailTemplates.Receipt(
                        "<b>Anna</b>",
                        "2 maart 2026",
                        List.of(new MailTemplates.ReceivedFile("cv.pdf", "12 kB")),
                        "in words",
                        "https://jobs.example.org/my-application",
                        "https://jobs.example.org/not-me/a/t"));
        mails.put(
                MailKind.CONSENT_RENEWAL,
                () -> new MailTemplates.ConsentRenewal(
                        null,
                        "https://x/consent/t",
                        "1 maart 2027 om 10:00",
                        "2 maart 2027",
                        "2 maart 2028",
                        "1 jaar"));
        mails.put(
                MailKind.CONSENT_TEXT_CHANGED,
                () -> new MailTemplates.ConsentTextChanged(
                        "Anna", "https://x/consent/t", "1 maart 2027", "2 maart 2027", "Ik geef toestemming.", "u"));
        mails.put(MailKind.SIGN_IN_LINK, () -> new MailTemplates.SignInLink("https://x/link/t", "10:15"));
        mails.put(
                MailKind.ADDRESS_CONFIRMATION,
                () -> new MailTemplates.AddressConfirmation("https://x/address/t", "8 december 2026 om 10:15"));
        mails.put(MailKind.ADDRESS_CHANGED, () -> new MailTemplates.AddressChanged("n***@example.org"));
        List<MailContent.Rendered> rendered = new ArrayList<>();
        mails.forEach((kind, mail) -> rendered.add(MailContent.rendered(kind, language.locale(), mail)));
        for (PrivacyRequest.Type type : PrivacyRequest.Type.values()) {
            rendered.add(MailContent.rendered(
                    MailKind.REQUEST_ACKNOWLEDGED,
                    language.locale(),
                    () -> new MailTemplates.RequestAcknowledged("request_" + type, "30 maart 2026")));
            for (PrivacyRequest.OutcomeCode outcome : PrivacyRequest.OutcomeCode.values()) {
                rendered.add(MailContent.rendered(
                        MailKind.REQUEST_CLOSED,
                        language.locale(),
                        () -> new MailTemplates.RequestClosed("request_" + type, "outcome_" + outcome)));
            }
        }

        assertThat(rendered).hasSize(6 + 6 + 6 * 4);
        for (MailContent.Rendered mail : rendered) {
            RenderedText.assertComplete(mail.subject());
            RenderedText.assertComplete(mail.text());
            RenderedText.assertComplete(mail.html());
            assertThat(mail.html()).contains("<html lang=\"" + language.code() + "\"");
            assertThat(mail.text()).doesNotContain("<p>", "&lt;", "&amp;");
            assertThat(mail.text() + mail.subject())
                    .contains(language == Language.DUTCH ? List.of("Met vriendelijke groet") : List.of("Kind regards"));
        }
        MailContent.Rendered receipt = rendered.get(0);
        assertThat(receipt.html()).contains("&lt;b&gt;Anna&lt;/b&gt;").doesNotContain("<b>Anna");
        assertThat(receipt.text()).contains("<b>Anna</b>");
        assertThat(receipt.subject())
                .isEqualTo(
                        language == Language.DUTCH
                                ? "We hebben je sollicitatie ontvangen"
                                : "We have received your application");
    }
}
