package com.example.ats.event;

/**
 * A position in the change feed: after the event with this sequence number, always an event the reader could read
 * (the cursor never moves over an event the reader may not see, so it tells nothing of them). Clients get it sealed
 * by {@link FeedCursors}; {@code plain} marks one of the earlier, unsealed form.
 */
record FeedCursor(long seq, boolean plain) {

    static final FeedCursor START = new FeedCursor(0);

    FeedCursor(long seq) {
        this(seq, false);
    }
}
