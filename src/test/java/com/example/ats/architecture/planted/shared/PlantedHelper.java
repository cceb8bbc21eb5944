package com.example.ats.architecture.planted.shared;

import com.example.ats.architecture.planted.vacancy.PlantedVacancy;
import org.jboss.logging.Logger;

/** A planted violation: a shared helper that knows a feature, and logs through JBoss Logger. */
public class PlantedHelper {

    private static final Logger LOG = Logger.getLogger(PlantedHelper.class);

    void help(PlantedVacancy vacancy) {
        LOG.info(vacancy);
    }
}
