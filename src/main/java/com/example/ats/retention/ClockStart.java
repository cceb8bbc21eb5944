package com.example.ats.retention;

/** When the no-consent retention period starts. */
public enum ClockStart {
    /** On the application date: what the company's privacy statement promises (the default). */
    APPLICATION_DATE,
    /** When the application leaves the open pipeline: the Dutch regulator's reading of "after the procedure". */
    PROCEDURE_END
}
