package com.example.ats.architecture.planted.vacancy;

/** A resource of the planted feature, which its own service must not use. */
class PlantedVacancyResource {

    static String name() {
        return "vacancies";
    }

    /** Its own nested types may use it. */
    record View(String name) {
        String path() {
            return name() + "/" + name;
        }
    }
}
