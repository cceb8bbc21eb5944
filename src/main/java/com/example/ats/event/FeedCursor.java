package com.example.ats.event;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A position in the change feed: after the event with this sequence number. Opaque to clients (base64url). */
record FeedCursor(long seq) {

    static final FeedCursor START = new FeedCursor(0);

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("e:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String token) {
        if (token == null || token.isBlank()) {
            return START;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("e:")) {
                long seq = Long.parseLong(raw.substring(2));
                if (seq >= 0) {
                    return new FeedCursor(seq);
                }
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new ApiException(
                ProblemType.MALFORMED_REQUEST,
                "The cursor is not one this feed made: use the `next` of the previous page, or none to start");
    }
}
