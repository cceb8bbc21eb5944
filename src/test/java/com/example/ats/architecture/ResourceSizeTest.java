package com.example.ats.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house's size habit, executable: a resource holds at most 150 lines of code (blank lines, comments, imports
 * and the package line not counted). A resource that grows past it is split by use case.
 */
class ResourceSizeTest {

    static final int BUDGET = 150;

    @Test
    void everyResourceStaysWithinItsBudget() {
        assertThat(overBudget(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void theBudgetFindsAPlantedResourceThatGrewTooLong(@TempDir Path sources) throws IOException {
        String code = IntStream.rangeClosed(0, BUDGET)
                .mapToObj(i -> "    int field" + i + ";")
                .collect(Collectors.joining("\n"));
        Files.writeString(
                sources.resolve("GrownResource.java"),
                "package x;\n\nimport java.util.List;\n\n/** Doc. */\nclass GrownResource {\n" + code + "\n}\n");
        Files.writeString(sources.resolve("SmallResource.java"), "package x;\n// comment\nclass SmallResource {}\n");

        assertThat(overBudget(sources)).containsOnly(Map.entry("GrownResource.java", BUDGET + 3));
    }

    /** Resources over the budget, by file name, with their lines of code. */
    static Map<String, Integer> overBudget(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            Map<String, Integer> over = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Resource.java"))
                    .toList()) {
                int lines = codeLines(Files.readAllLines(file));
                if (lines > BUDGET) {
                    over.put(file.getFileName().toString(), lines);
                }
            }
            return over;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int codeLines(List<String> lines) {
        return (int) lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .filter(line -> !line.startsWith("//") && !line.startsWith("/*") && !line.startsWith("*"))
                .filter(line -> !line.startsWith("import ") && !line.startsWith("package "))
                .count();
    }
}
