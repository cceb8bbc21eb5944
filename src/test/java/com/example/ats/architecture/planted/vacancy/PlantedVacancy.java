package com.example.ats.architecture.planted.vacancy;

import com.example.ats.architecture.planted.portal.PlantedPage;

/** A planted violation: a feature that reaches up into a face (a page adapter) and into a resource. */
public class PlantedVacancy {

    String show(PlantedPage page) {
        return page.render() + PlantedVacancyResource.name();
    }
}
