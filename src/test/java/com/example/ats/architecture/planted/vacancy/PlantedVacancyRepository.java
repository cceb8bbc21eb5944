package com.example.ats.architecture.planted.vacancy;

import jakarta.persistence.EntityManager;

/** Allowed: a repository is where SQL lives. */
public class PlantedVacancyRepository {

    private final EntityManager entityManager;

    PlantedVacancyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Object count() {
        return entityManager.createNativeQuery("select count(*) from vacancy").getSingleResult();
    }
}
