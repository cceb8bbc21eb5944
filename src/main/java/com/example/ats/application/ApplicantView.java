package com.example.ats.application;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The applicant's personal details, as given at intake: what staff and the applicant see. */
@Schema(name = "ApplicantDetails")
public record ApplicantView(
        String firstName,
        String lastName,
        String email,
        String phone,
        Address address,
        LocalDate birthDate,
        String gender,
        String maritalStatus,
        String drivingLicenceCategories) {

    /** A postal address. */
    @Schema(name = "ApplicantAddress")
    public record Address(String street, String houseNumber, String postalCode, String city, String country) {}

    public static ApplicantView of(Applicant applicant) {
        Address address = applicant.street == null
                        && applicant.houseNumber == null
                        && applicant.postalCode == null
                        && applicant.city == null
                        && applicant.country == null
                ? null
                : new Address(
                        applicant.street,
                        applicant.houseNumber,
                        applicant.postalCode,
                        applicant.city,
                        applicant.country);
        return new ApplicantView(
                applicant.firstName,
                applicant.lastName,
                applicant.email,
                applicant.phone,
                address,
                applicant.birthDate,
                applicant.gender,
                applicant.maritalStatus,
                applicant.drivingLicenceCategories);
    }
}
