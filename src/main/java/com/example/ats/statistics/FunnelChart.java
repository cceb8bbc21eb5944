package com.example.ats.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The funnel as a picture HR can look at: per month, one bar per pipeline stage, drawn from the same shown counts as
 * the JSON and the CSV. A hidden count is a short hatched mark of the same width whatever it hides, labelled "<k".
 */
final class FunnelChart {

    private static final List<Measure> BARS = List.of(
            Measure.RECEIVED,
            Measure.REACHED_SCREENING,
            Measure.REACHED_INTERVIEW,
            Measure.REACHED_OFFER,
            Measure.REACHED_HIRED,
            Measure.REACHED_REJECTED,
            Measure.REACHED_WITHDRAWN);
    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int HEADING = 34;
    private static final int HIDDEN_MARK = 30;

    private FunnelChart() {}

    /** The vacancy's funnel, or every vacancy's together when {@code vacancyId} is null. */
    static String svg(FunnelReport report, UUID vacancyId) {
        String title = "All vacancies";
        long max = report.smallestShown();
        for (FunnelReport.Month month : report.months()) {
            Map<Measure, Count> counts = counts(month, vacancyId);
            for (Count count : counts.values()) {
                max = Math.max(max, count.value() == null ? 0 : count.value());
            }
            for (FunnelReport.Vacancy vacancy : month.vacancies()) {
                if (vacancyId != null && vacancyId.equals(vacancy.vacancyId()) && vacancy.title() != null) {
                    title = vacancy.title();
                }
            }
        }
        int panel = HEADING + BARS.size() * (BAR + GAP);
        int height = 50 + report.months().size() * panel;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>Funnel: ")
                .append(xml(title))
                .append(", ")
                .append(report.from())
                .append(" to ")
                .append(report.to())
                .append("</title>");
        svg.append(
                "<defs><pattern id=\"hidden\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                        + " patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#8a8a8a\"/></pattern></defs>");
        svg.append("<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">")
                .append(xml(title))
                .append("</text>");
        int y = 50;
        double scale = (WIDTH - LABEL - 60) / (double) max;
        for (FunnelReport.Month month : report.months()) {
            svg.append("<text x=\"10\" y=\"")
                    .append(y + 16)
                    .append("\" font-weight=\"bold\">")
                    .append(month.month())
                    .append("</text>");
            int barY = y + HEADING - 10;
            Map<Measure, Count> counts = counts(month, vacancyId);
            for (Measure measure : BARS) {
                Count count = counts.get(measure);
                if (count == null) {
                    continue; // a month sealed before the measure was counted
                }
                svg.append("<text x=\"10\" y=\"")
                        .append(barY + 13)
                        .append("\">")
                        .append(label(measure))
                        .append("</text>");
                boolean hidden = count.value() == null;
                // a hidden count may be any size (it can be hidden to protect another): a mark, not a length
                double length = hidden ? HIDDEN_MARK : count.value() * scale;
                svg.append("<rect x=\"")
                        .append(LABEL)
                        .append("\" y=\"")
                        .append(barY)
                        .append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", length))
                        .append("\" height=\"")
                        .append(BAR)
                        .append(hidden ? "\" fill=\"url(#hidden)\"/>" : "\" fill=\"#1f5fa8\"/>");
                svg.append("<text x=\"")
                        .append(String.format(Locale.ROOT, "%.1f", LABEL + length + 6))
                        .append("\" y=\"")
                        .append(barY + 13)
                        .append("\">")
                        .append(xml(count.shown()))
                        .append("</text>");
                barY += BAR + GAP;
            }
            y += panel;
        }
        return svg.append("</svg>").toString();
    }

    private static Map<Measure, Count> counts(FunnelReport.Month month, UUID vacancyId) {
        if (vacancyId == null) {
            return month.allVacancies();
        }
        return month.vacancies().stream()
                .filter(v -> vacancyId.equals(v.vacancyId()))
                .findFirst()
                .map(FunnelReport.Vacancy::total)
                .orElseGet(() -> zeros(month));
    }

    private static Map<Measure, Count> zeros(FunnelReport.Month month) {
        Map<Measure, Count> zeros = new LinkedHashMap<>();
        month.allVacancies().keySet().forEach(m -> zeros.put(m, new Count(0L, "0")));
        return zeros;
    }

    private static String label(Measure measure) {
        String name = measure == Measure.RECEIVED ? "RECEIVED" : measure.name().substring("REACHED_".length());
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String xml(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
