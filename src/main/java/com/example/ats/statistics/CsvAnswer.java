package com.example.ats.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Statistics as CSV (RFC 4180), safe to open in a spreadsheet: no cell is taken for a formula. */
final class CsvAnswer {

    private CsvAnswer() {}

    static String of(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvAnswer::notAFormula).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would run ("=HYPERLINK(...)", "+1", "@SUM") starts with an apostrophe instead. */
    static String notAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
