package com.example.ats.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word an applicant reads, on a page or in a mail: Dutch by default ({@code messages/t_nl.properties}), English
 * from {@code messages/t_en.properties}. Templates read them as {@code {t:key}} or {@code {t:key(param)}}, and a key
 * computed at run time (an error, a state) as {@code {t:message(key)}}; the language is the template instance's
 * locale. The build fails when a template names a key that is not here, or a file misses one of its keys.
 */
@MessageBundle(value = "t", locale = "nl")
public interface ApplicantTexts {

    String lang();

    String other_lang();

    String other_name();

    String site_name();

    String skip();

    String optional();

    String required();

    String apply_title();

    String apply_titleFor(String vacancy);

    String apply_open();

    String apply_intro();

    String apply_details();

    String apply_firstName();

    String apply_lastName();

    String apply_email();

    String apply_email_hint();

    String apply_phone();

    String apply_birthDate();

    String apply_birthDate_hint();

    String apply_address();

    String apply_street();

    String apply_houseNumber();

    String apply_postalCode();

    String apply_city();

    String apply_files();

    String apply_cv();

    String apply_letter();

    String apply_files_hint();

    String apply_consent();

    String apply_consent_without(String period);

    String apply_consent_yes(String period);

    String apply_consent_no(String period);

    String apply_guardian();

    String apply_guardian_hint();

    String apply_guardianName();

    String apply_guardianEmail();

    String apply_guardianConsent();

    String apply_submit();

    String apply_uploading();

    String apply_errors();

    String apply_fileInfo(String name, String size);

    String apply_fileTooLarge();

    String apply_fileType();

    String error_firstName();

    String error_lastName();

    String error_email();

    String error_phone();

    String error_birthDate();

    String error_address();

    String error_cv();

    String error_cv_tooLarge();

    String error_motivationLetter();

    String error_motivationLetter_tooLarge();

    String error_cv_malware();

    String error_motivationLetter_malware();

    String error_cv_uncheckable();

    String error_motivationLetter_uncheckable();

    String error_cv_activeContent();

    String error_motivationLetter_activeContent();

    String error_consent();

    String error_guardian();

    String error_vacancy();

    String error_other();

    String error_tooMany();

    String error_unavailable();

    String done_title();

    String done_received(String date);

    String done_token();

    String done_token_explain();

    String done_token_save();

    String done_portal();

    String done_mail();

    String notFound_title();

    String notFound_text();

    String notFound_link();

    String portal_title();

    String portal_scan_PENDING();

    String portal_scan_INFECTED();

    String portal_login_intro();

    String portal_token();

    String portal_token_hint();

    String portal_login();

    String portal_wrongToken();

    String portal_tooMany();

    String portal_sessionOver();

    String portal_formExpired();

    String portal_logout();

    String portal_when();

    String portal_appliedOn();

    String portal_deleteOn();

    String portal_held();

    String portal_files();

    String portal_export();

    String portal_consent();

    String portal_consent_given();

    String portal_consent_notGiven();

    String portal_consent_give();

    String portal_consent_withdraw();

    String portal_consent_choose();

    String portal_correct();

    String portal_correct_save();

    String portal_object();

    String portal_object_intro();

    String portal_object_reason();

    String portal_object_send();

    String portal_erase();

    String portal_erase_intro();

    String portal_erase_confirm();

    String portal_erase_button();

    String portal_erase_confirmFirst();

    String portal_erase_held();

    String portal_erased_title();

    String portal_erased_text();

    String portal_done_consentGiven();

    String portal_done_consentWithdrawn();

    String portal_done_details();

    String portal_done_objection();

    String portal_error_firstName();

    String portal_error_lastName();

    String portal_error_email();

    String portal_error_phone();

    String portal_error_details();

    String portal_error_reason();

    String portal_error_tooMany();

    String portal_history();

    String portal_history_RETENTION_GRANTED();

    String portal_history_RETENTION_REFUSED();

    String portal_history_RETENTION_WITHDRAWN();

    String portal_history_PARENTAL_GRANTED();

    String error_resend();

    String error_requestTooLarge();

    String portal_gender();

    String portal_maritalStatus();

    String portal_drivingLicenceCategories();

    String portal_lost_title();

    String portal_lost();

    String portal_link_email();

    String portal_link_hint();

    String portal_link_send();

    String portal_linkSent(String period);

    String portal_link_intro();

    String portal_link_open();

    String portal_linkUsed();

    String portal_link_opens(String date, String address);

    String mail_dear(String name);

    String mail_dearApplicant();

    String mail_hello();

    String mail_regards();

    String mail_fromTeam();

    String mail_fromPrivacyOfficer();

    String mail_consentGiven();

    String mail_receipt_subject();

    String mail_receipt_received(String appliedOn);

    String mail_receipt_whatHappens();

    String mail_receipt_manage();

    String mail_receipt_manageAt();

    String mail_receipt_manageHow();

    String mail_receipt_notYou();

    String mail_file_cv();

    String mail_file_letter();

    String mail_file_other();

    String mail_renewal_ending(String expiresOn);

    String mail_renewal_question(String period, String renewedUntil);

    String mail_renewal_viaLink();

    String mail_renewal_button();

    String mail_renewal_page(String validUntil);

    String mail_renewal_pageText(String expiresOn, String validUntil);

    String mail_renewal_nothing(String expiresOn);

    String mail_textChanged_changed();

    String mail_textChanged_stands(String expiresOn, String validUntil);

    String mail_textChanged_button();

    String mail_textChanged_after();

    String mail_acknowledged_subject();

    String mail_acknowledged_text(String request, String dueOn);

    String mail_closed_subject();

    String mail_closed_text(String request);

    String mail_signIn_subject();

    String mail_signIn_asked();

    String mail_signIn_button();

    String mail_signIn_works(String validUntil);

    String request_ACCESS();

    String request_RECTIFICATION();

    String request_ERASURE();

    String request_PORTABILITY();

    String request_WITHDRAWAL();

    String request_OBJECTION();

    String outcome_FULFILLED();

    String outcome_PARTLY_FULFILLED();

    String outcome_REFUSED();

    String outcome_NOTHING_HELD();

    String renewal_question();

    String textChanged_title();

    String consent_title_renewal();

    String consent_title();

    String consent_renewal_ending(String expiresOn);

    String consent_renewal_yes(String period, String renewedUntil);

    String consent_choose();

    String consent_decline(String expiresOn);

    String consent_renew(String renewedUntil);

    String consent_save();

    String consent_renewal_nothing(String expiresOn, String validUntil);

    String consent_changed_reads();

    String consent_changed_stands(String expiresOn);

    String consent_withdraw();

    String consent_confirm();

    String consent_keep();

    String consent_thanks();

    String consent_renewed(String expiresOn);

    String consent_declined(String expiresOn);

    String consent_withdrawn();

    String consent_deleteOn(String expiresOn);

    String consent_answeredOn(String answeredOn);

    String consent_expired_title();

    String consent_expired_text(String validUntil);

    String consent_change();

    String consent_void_title();

    String consent_void_text();

    String consent_seeWhat();

    String consent_unknown_title();

    String consent_unknown_text();

    String notMe_title();

    String notMe_about(String appliedOn);

    String notMe_what();

    String notMe_remove();

    String notMe_keep();

    String notMe_removed_title();

    String notMe_removed_text();

    String mail_address_subject();

    String mail_address_asked();

    String mail_address_button();

    String mail_address_works(String validUntil);

    String mail_addressChanged_subject();

    String mail_addressChanged_text(String newAddress);

    String mail_addressChanged_notYou();

    String address_title();

    String address_confirms(String address, String appliedOn);

    String address_confirm();

    String address_notAsked();

    String address_done_title();

    String address_done_text();

    String address_dead_title();

    String address_dead_text();

    String portal_done_addressToConfirm();

    String portal_addressWaiting(String address);
}
