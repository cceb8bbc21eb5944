package com.example.ats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading vegeta's CSV: every request counted, failures apart, percentiles by nearest rank. */
class OpenLoopTest {

    @Test
    void readsVegetasCsv() {
        StringBuilder csv = new StringBuilder();
        long start = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 100; i++) {
            int status = i == 99 ? 500 : 200;
            long latencyNanos = (i + 1) * 1_000_000L; // 1 ms .. 100 ms
            csv.append(start + i * 10_000_000L)
                    .append(',')
                    .append(status)
                    .append(',')
                    .append(latencyNanos)
                    .append(",0,57,,,,,GET,http://x/,\n");
        }

        OpenLoop.Step step = OpenLoop.step(100, csv.toString());

        assertThat(step.requests()).isEqualTo(100);
        assertThat(step.errors()).isEqualTo(1);
        assertThat(step.p50Ms()).isEqualTo(50.0);
        assertThat(step.p99Ms()).isEqualTo(99.0);
        assertThat(step.p999Ms()).isEqualTo(100.0);
        // 99 answered between the first send and the last answer: 0.99 s + 0.1 s.
        assertThat(step.achieved()).isBetween(90.0, 91.0);
        assertThat(step.saturated()).isTrue(); // under 95 % of the offered rate
    }
}
