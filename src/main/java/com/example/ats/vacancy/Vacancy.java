package com.example.ats.vacancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An opening that applications can point to. */
@Entity
@Table(name = "vacancy")
public class Vacancy {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    public String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VacancyStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
