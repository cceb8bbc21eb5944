package com.example.ats.vacancy;

/** Whether a vacancy takes applications. */
public enum VacancyStatus {
    OPEN,
    CLOSED
}
