package com.example.ats.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void aMomentCountsInItsDutchMonth() {
        // 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time)
        assertThat(Periods.month(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Periods.month(Instant.parse("2026-03-31T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
        // winter: 23:00 UTC on 31 December is midnight in Amsterdam
        assertThat(Periods.month(Instant.parse("2026-12-31T23:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Periods.month(Instant.parse("2026-12-31T22:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aDurationFallsInTheSmallestBucketItDoesNotExceed() {
        assertThat(Periods.bucket(Duration.ZERO)).isEqualTo(1);
        assertThat(Periods.bucket(Duration.ofDays(1))).isEqualTo(1);
        assertThat(Periods.bucket(Duration.ofDays(1).plusSeconds(1))).isEqualTo(2);
        assertThat(Periods.bucket(Duration.ofDays(7))).isEqualTo(7);
        assertThat(Periods.bucket(Duration.ofDays(8))).isEqualTo(14);
        assertThat(Periods.bucket(Duration.ofDays(28))).isEqualTo(28);
        assertThat(Periods.bucket(Duration.ofDays(182))).isEqualTo(182);
        assertThat(Periods.bucket(Duration.ofDays(182).plusNanos(1))).isEqualTo(Periods.LONGER);
    }
}
