package com.example.ats.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page and mail is one type-checked template: each template file (layouts aside) belongs to a template record,
 * and no file exists per language any more.
 */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyTemplateFileIsTheTemplateOfARecordAndThereIsOnePerPageOrMail() throws IOException {
        Set<String> records = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.example.ats")
                        .stream()
                        .filter(JavaClass::isRecord)
                        .filter(type -> type.isAssignableTo(TemplateInstance.class))
                        .map(TemplatesTest::path)
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(Files::isRegularFile)
                    .map(file -> TEMPLATES.relativize(file).toString().replaceFirst("\\.(html|txt)$", ""))
                    .filter(name -> !name.endsWith("/layout"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(files).isEqualTo(records).noneMatch(name -> name.matches(".*-(nl|en)$"));
    }

    /** Where Qute looks for a record's template: its base path and its name, hyphenated. */
    private static String path(JavaClass record) {
        CheckedTemplate checked = record.reflect().getAnnotation(CheckedTemplate.class);
        assertThat(checked).as("%s names its base path", record.getName()).isNotNull();
        String name =
                record.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return checked.basePath() + "/" + name;
    }
}
