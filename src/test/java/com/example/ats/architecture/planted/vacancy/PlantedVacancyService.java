package com.example.ats.architecture.planted.vacancy;

import jakarta.persistence.EntityManager;

/** A planted violation: a service that runs its own SQL instead of asking a repository. */
public class PlantedVacancyService {

    private final EntityManager entityManager;

    PlantedVacancyService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Object count() {
        return entityManager.createNativeQuery("select count(*) from vacancy").getSingleResult();
    }
}
