package com.example.ats.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The applicant's personal details, exactly as they gave them: nothing enriched, nothing inferred. */
@Entity
@Table(name = "applicant")
public class Applicant {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id")
    public Application application;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    /** Null once whoever owns the address took it out ("this was not me"); nothing is mailed then. */
    public String email;

    public String phone;
    public String street;

    @Column(name = "house_number")
    public String houseNumber;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;
    public String country;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String gender;

    @Column(name = "marital_status")
    public String maritalStatus;

    /** Comma-separated categories, e.g. "B,BE". */
    @Column(name = "driving_licence_categories")
    public String drivingLicenceCategories;
}
