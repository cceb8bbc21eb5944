package com.example.ats.shared;

import java.util.List;

/** Keycloak realm roles, as constants for {@code @RolesAllowed}. */
public final class Roles {

    public static final String RECRUITER = "recruiter";
    public static final String HR_ADMIN = "hr-admin";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Service accounts of HR tools (client credentials). */
    public static final String HR_INTEGRATION = "hr-integration";

    /** Every staff role, most privileged first: the order in which a caller's role is named in audit events. */
    public static final List<String> ALL = List.of(PRIVACY_OFFICER, HR_ADMIN, RECRUITER, HR_INTEGRATION);

    private Roles() {}
}
