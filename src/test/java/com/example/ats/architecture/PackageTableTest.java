package com.example.ats.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The written house and the built one: DEVELOPING.md's package table names every feature package, and only those. */
class PackageTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|", Pattern.MULTILINE);

    @Test
    void theTableListsExactlyThePackagesOfTheSource() throws IOException {
        String guide = Files.readString(Path.of("docs/DEVELOPING.md"));
        int section = guide.indexOf("## Code structure");
        assertThat(section).as("the section of the package table").isNotNegative();
        int next = guide.indexOf("\n## ", section + 1);
        Matcher row = ROW.matcher(guide.substring(section, next < 0 ? guide.length() : next));
        Set<String> documented = row.results().map(match -> match.group(1)).collect(Collectors.toSet());
        Set<String> built;
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/com/example/ats"))) {
            built = packages.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .collect(Collectors.toSet());
        }
        assertThat(documented).as("packages in docs/DEVELOPING.md").isEqualTo(built);
    }
}
