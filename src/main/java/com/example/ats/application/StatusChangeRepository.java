package com.example.ats.application;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The status history of applications. */
@ApplicationScoped
public class StatusChangeRepository implements PanacheRepository<StatusChange> {}
