package com.example.ats.web;

import com.example.ats.retention.RetentionAmount;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Periods, dates and retention explanations as applicants read them: words in Dutch or English, never ISO codes. */
public final class PlainWords {

    private static final Locale DUTCH = Locale.of("nl");
    private static final DateTimeFormatter DAY_NL = DateTimeFormatter.ofPattern("d MMMM uuuu", DUTCH);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private PlainWords() {}

    /**
     * The amount in words, as given rather than normalised ({@code P12M} stays 12 months): whole weeks when the days
     * are a multiple of 7 and there are no months or years, parts joined with "and"/"en", digits for numbers. Exact
     * durations read in days, hours, minutes and whole seconds.
     */
    public static String period(RetentionAmount amount, Locale locale) {
        boolean dutch = isDutch(locale);
        List<String> parts = new ArrayList<>();
        if (amount.duration() != null) {
            Duration duration = amount.duration();
            days(parts, 0, 0, duration.toDaysPart(), dutch);
            add(parts, duration.toHoursPart(), Unit.HOUR, dutch);
            add(parts, duration.toMinutesPart(), Unit.MINUTE, dutch);
            add(parts, duration.toSecondsPart(), Unit.SECOND, dutch);
            return parts.isEmpty() ? Unit.SECOND.words(0, dutch) : join(parts, dutch);
        }
        Period period = amount.period();
        add(parts, period.getYears(), Unit.YEAR, dutch);
        add(parts, period.getMonths(), Unit.MONTH, dutch);
        days(parts, period.getYears(), period.getMonths(), period.getDays(), dutch);
        return parts.isEmpty() ? Unit.DAY.words(0, dutch) : join(parts, dutch);
    }

    /** "12 kB", "2,4 MB" (Dutch decimal comma) or "2.4 MB". */
    public static String size(long bytes, Locale locale) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return Math.round(bytes / 1000.0) + " kB";
        }
        String megabytes = String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
        return (locale.getLanguage().equals("nl") ? megabytes.replace('.', ',') : megabytes) + " MB";
    }

    /** The day and time of {@code instant} in {@code zone}: "12 March 2027 at 09:30", "12 maart 2027 om 09:30". */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(zone));
        return date(instant, zone, locale) + (isDutch(locale) ? " om " : " at ") + time;
    }

    /** The calendar day of {@code instant} in {@code zone}: "12 March 2027", or "12 maart 2027" in Dutch. */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return (isDutch(locale) ? DAY_NL : DAY_EN).format(instant.atZone(zone));
    }

    /**
     * What happens to the applicant's data and when: the deletion date if there is one, what their retention consent
     * changes, with every period and date in words.
     */
    public static String whatHappens(
            Instant expiresAt,
            boolean consentGranted,
            RetentionAmount withoutConsent,
            RetentionAmount withConsent,
            ZoneId zone,
            Locale locale) {
        String without = period(withoutConsent, locale);
        String with = period(withConsent, locale);
        String day = expiresAt == null ? null : date(expiresAt, zone, locale);
        return isDutch(locale)
                ? dutch(day, consentGranted, without, with)
                : english(day, consentGranted, without, with);
    }

    private static String english(String day, boolean granted, String without, String with) {
        if (day == null) {
            return "Your application has no deletion date yet: we delete it " + without
                    + " after the selection procedure ends, or " + with + " after your consent if you give it.";
        }
        String what = "On " + day + " we delete your application, the files you sent and everything else we hold"
                + " about you, without further notice.";
        return granted
                ? what + " You agreed that we keep your file until then (" + with
                        + " from your consent). You can withdraw that consent at any time; we then delete"
                        + " everything " + without + " after your application date, or at once when that date has"
                        + " passed."
                : what + " You can agree that we keep your file longer (" + with
                        + " from your consent), or ask us to delete everything now.";
    }

    private static String dutch(String day, boolean granted, String without, String with) {
        if (day == null) {
            return "Je sollicitatie heeft nog geen verwijderdatum: we verwijderen hem " + without
                    + " na afloop van de selectieprocedure, of " + with + " na je toestemming als je die geeft.";
        }
        String what = "Op " + day + " verwijderen we je sollicitatie, de bestanden die je stuurde en alles wat we"
                + " verder over je bewaren, zonder verdere aankondiging.";
        return granted
                ? what + " Je hebt ons toestemming gegeven om je gegevens tot die datum te bewaren (" + with
                        + " vanaf je toestemming). Je kunt die toestemming altijd intrekken; dan verwijderen we alles "
                        + without + " na de datum van je sollicitatie, of meteen als die termijn al voorbij is."
                : what + " Je kunt ons toestemming geven om je gegevens langer te bewaren (" + with
                        + " vanaf je toestemming), of ons vragen alles nu te verwijderen.";
    }

    private static void days(List<String> parts, long years, long months, long days, boolean dutch) {
        if (days != 0 && days % 7 == 0 && years == 0 && months == 0) {
            add(parts, days / 7, Unit.WEEK, dutch);
        } else {
            add(parts, days, Unit.DAY, dutch);
        }
    }

    private static void add(List<String> parts, long count, Unit unit, boolean dutch) {
        if (count != 0) {
            parts.add(unit.words(count, dutch));
        }
    }

    private static String join(List<String> parts, boolean dutch) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1))
                + (dutch ? " en " : " and ")
                + parts.get(parts.size() - 1);
    }

    private static boolean isDutch(Locale locale) {
        return locale != null && locale.getLanguage().equals("nl");
    }

    private enum Unit {
        YEAR("year", "years", "jaar", "jaar"),
        MONTH("month", "months", "maand", "maanden"),
        WEEK("week", "weeks", "week", "weken"),
        DAY("day", "days", "dag", "dagen"),
        HOUR("hour", "hours", "uur", "uur"),
        MINUTE("minute", "minutes", "minuut", "minuten"),
        SECOND("second", "seconds", "seconde", "seconden");

        private final String one;
        private final String many;
        private final String een;
        private final String meer;

        Unit(String one, String many, String een, String meer) {
            this.one = one;
            this.many = many;
            this.een = een;
            this.meer = meer;
        }

        String words(long count, boolean dutch) {
            String unit = count == 1 ? (dutch ? een : one) : (dutch ? meer : many);
            return count + " " + unit;
        }
    }
}
