package com.example.ats.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What {@code docker/compose.yaml} must hold, as a list of violations (empty: fine). */
final class ComposeRules {

    static final String SERVICE = "ats";
    static final List<String> BACKING = List.of("postgres", "minio", "keycloak");

    /** A value the engine takes from the environment or docker/.env, refusing to start without it. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*}");

    private ComposeRules() {}

    static List<String> violations(Map<String, Object> compose, AppSettings settings) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        for (String name : List.of(SERVICE, "postgres", "minio", "keycloak")) {
            if (!services.containsKey(name)) {
                violations.add("service '" + name + "' is missing");
            }
        }
        services.forEach((name, definition) -> {
            Map<String, String> environment = environment(map(definition));
            environment.forEach((variable, value) -> {
                if (AppSettings.secret(variable)
                        && !REQUIRED_VARIABLE.matcher(value).matches()) {
                    violations.add(name + ": " + variable + " is written in the file; use ${" + variable + ":?...}");
                }
            });
            if (BACKING.contains(name) && !map(definition).containsKey("healthcheck")) {
                violations.add(name + ": no healthcheck, so the service cannot wait for it");
            }
        });
        if (!services.containsKey(SERVICE)) {
            return violations;
        }
        Map<String, Object> service = map(services.get(SERVICE));
        Map<String, String> environment = environment(service);
        for (String variable : settings.required()) {
            if (!environment.containsKey(variable)) {
                violations.add(SERVICE + ": required variable " + variable + " is not set");
            }
        }
        for (String variable : environment.keySet()) {
            if (!settings.known().contains(variable)) {
                violations.add(SERVICE + ": " + variable + " is no setting of the service");
            }
        }
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        for (String backing : BACKING) {
            if (!"service_healthy".equals(map(dependsOn.get(backing)).get("condition"))) {
                violations.add(SERVICE + ": does not wait for " + backing + " to be healthy");
            }
        }
        if (!Boolean.TRUE.equals(service.get("read_only"))) {
            violations.add(SERVICE + ": root filesystem is not read-only");
        }
        if (!String.valueOf(service.get("tmpfs")).contains("/tmp")) {
            violations.add(SERVICE + ": no writable /tmp for spooled uploads");
        }
        Map<String, Object> keycloak = map(services.get("keycloak"));
        if (!String.valueOf(keycloak.get("command")).contains("--import-realm")
                || !String.valueOf(keycloak.get("volumes")).contains("./keycloak/ats-realm.json:")) {
            violations.add("keycloak: does not import docker/keycloak/ats-realm.json");
        }
        return violations;
    }

    /** A service's environment, written as a map or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
        } else if (declared instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
