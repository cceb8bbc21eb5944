package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsTimeToTheNanosecondAndTheId() {
        Cursor cursor = new Cursor(Instant.parse("2026-02-28T23:59:59.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void rejectsTokensItDidNotMakeAs400() {
        assertThatThrownBy(() -> Cursor.decode("bm9wZQ"))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.MALFORMED_REQUEST);
    }
}
