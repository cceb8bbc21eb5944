package com.example.ats.intake;

import com.example.ats.application.Applicant;
import com.example.ats.application.Application;

/** The applicant's details from the form to the entity, as given: trimmed, nothing inferred. */
public final class ApplicantMapping {

    private ApplicantMapping() {}

    static Applicant toEntity(ApplicationForm.ApplicantDetails details, Application application) {
        Applicant applicant = new Applicant();
        applicant.application = application;
        copy(details, applicant);
        return applicant;
    }

    /** Overwrites every detail of the entity with the form's (absent ones become null). */
    public static void copy(ApplicationForm.ApplicantDetails details, Applicant applicant) {
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
        } else {
            applicant.street = null;
            applicant.houseNumber = null;
            applicant.postalCode = null;
            applicant.city = null;
            applicant.country = null;
        }
    }

    /** The entity's details in the form's shape, e.g. to apply a merge patch to. */
    public static ApplicationForm.ApplicantDetails toForm(Applicant applicant) {
        boolean noAddress = applicant.street == null
                && applicant.houseNumber == null
                && applicant.postalCode == null
                && applicant.city == null
                && applicant.country == null;
        return new ApplicationForm.ApplicantDetails(
                applicant.firstName,
                applicant.lastName,
                applicant.email,
                applicant.phone,
                noAddress
                        ? null
                        : new ApplicationForm.Address(
                                applicant.street,
                                applicant.houseNumber,
                                applicant.postalCode,
                                applicant.city,
                                applicant.country),
                applicant.birthDate,
                applicant.gender,
                applicant.maritalStatus,
                applicant.drivingLicenceCategories);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
