package com.example.ats.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's settings as environment variables, read from {@code application.properties}: which ones production
 * requires (a {@code ${NAME}} without default outside the dev and test profiles) and which names the service knows
 * at all (every referenced variable, and the environment form of every property).
 */
record AppSettings(Set<String> required, Set<String> known) {

    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /** Set by the image (docker/Dockerfile) and read by the JVM itself. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    static AppSettings load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> required = new TreeSet<>();
        Set<String> known = new TreeSet<>(JVM);
        for (String key : properties.stringPropertyNames()) {
            String profiles = key.startsWith("%") ? key.substring(1, key.indexOf('.')) : "";
            String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            known.add(environmentName(property));
            boolean production =
                    profiles.isEmpty() || Set.of(profiles.split(",")).contains("prod");
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                known.add(reference.group(1));
                if (production && reference.group(2) == null) {
                    required.add(reference.group(1));
                }
            }
        }
        return new AppSettings(required, known);
    }

    /** MicroProfile Config's environment form: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.replace("\"", "").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A name whose value must never be written into a deployment file. */
    static boolean secret(String name) {
        return name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_KEY");
    }
}
