package com.example.ats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words applicants read: both languages have every key of the bundle and no other, each message uses exactly its
 * method's parameters, and none states a period as an ISO code. (The build checks the keys that templates name.)
 */
class ApplicantTextsTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern ISO_PERIOD = Pattern.compile("\\bP(T?\\d+[YMWDHS])+\\b");

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyKeyOfTheBundleIsWrittenWithItsParametersAndNothingElse(String language) throws IOException {
        Map<String, String> messages = messages(language);
        Map<String, Set<String>> methods = Arrays.stream(ApplicantTexts.class.getDeclaredMethods())
                .collect(Collectors.toMap(Method::getName, ApplicantTextsTest::parameters, (a, b) -> a, TreeMap::new));

        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(methods.keySet());
        messages.forEach((key, message) -> {
            Set<String> used = new LinkedHashSet<>();
            Matcher matcher = PARAMETER.matcher(message);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
            assertThat(used).as("parameters of %s in %s", key, language).isEqualTo(methods.get(key));
            assertThat(message).as(key).isNotBlank().doesNotContainPattern(ISO_PERIOD);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void keysMadeAtRunTimeFallBackToOnesTheBundleHas(String language) {
        assertThat(TextKeys.known("error_other")).isTrue();
        assertThat(TextKeys.orElse("error_noSuchField", "error_other")).isEqualTo("error_other");
        assertThat(TextKeys.orElse("error_cv_malware", "error_other")).isEqualTo("error_cv_malware");
    }

    private static Set<String> parameters(Method method) {
        return Arrays.stream(method.getParameters())
                .map(Parameter::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Map<String, String> messages(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ApplicantTextsTest.class.getResourceAsStream("/messages/t_" + language + ".properties")) {
            assertThat(in).as("messages/t_%s.properties", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((key, value) -> messages.put((String) key, (String) value));
        return messages;
    }
}
