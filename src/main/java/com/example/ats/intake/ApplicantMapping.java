package com.example.ats.intake;

import com.example.ats.application.Applicant;
import com.example.ats.application.Application;

/** The applicant's details from the form to the entity, as given: trimmed, nothing inferred. */
final class ApplicantMapping {

    private ApplicantMapping() {}

    static Applicant toEntity(ApplicationForm.ApplicantDetails details, Application application) {
        Applicant applicant = new Applicant();
        applicant.application = application;
        applicant.firstName = trim(details.firstName());
        applicant.lastName = trim(details.lastName());
        applicant.email = details.email().strip();
        applicant.phone = trim(details.phone());
        applicant.birthDate = details.birthDate();
        applicant.gender = trim(details.gender());
        applicant.maritalStatus = trim(details.maritalStatus());
        applicant.drivingLicenceCategories = trim(details.drivingLicenceCategories());
        ApplicationForm.Address address = details.address();
        if (address != null) {
            applicant.street = trim(address.street());
            applicant.houseNumber = trim(address.houseNumber());
            applicant.postalCode = trim(address.postalCode());
            applicant.city = trim(address.city());
            applicant.country = trim(address.country());
        }
        return applicant;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
