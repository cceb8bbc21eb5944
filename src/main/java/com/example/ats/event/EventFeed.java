package com.example.ats.event;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads the feed from a cursor, and refuses cursors it can no longer serve without a gap. */
@ApplicationScoped
public class EventFeed {

    private final EventStore store;
    private final FeedCursors cursors;

    EventFeed(EventStore store, FeedCursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    /** A page of events and the sealed cursor after them. */
    record Page(List<EventView> events, String next) {}

    /**
     * A page of the events after the cursor, of the asked types (all the caller may read when none are asked); asking
     * for a type the caller's roles do not receive is 403.
     */
    @Transactional
    Page read(String cursor, Set<EventType> asked, int limit, Predicate<String> hasRole) {
        FeedCursor after = cursors.decode(cursor);
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType type : asked.isEmpty() ? EnumSet.allOf(EventType.class) : asked) {
            if (type.readableBy(hasRole)) {
                types.add(type);
            } else if (!asked.isEmpty()) {
                throw new ApiException(
                        ProblemType.FORBIDDEN, "Your role does not receive " + type.wireName() + " events");
            }
        }
        if (types.isEmpty()) {
            return new Page(List.of(), cursors.encode(after)); // nothing this reader may read (never "every type")
        }
        if (after.seq() > 0 && after.seq() < store.prunedThrough(types)) {
            throw gone();
        }
        long last = store.lastSeq(types);
        if (after.seq() > last || (after.plain() && after.seq() > store.plainCursorsThrough())) {
            throw new ApiException(
                    ProblemType.GONE,
                    "This cursor is ahead of the feed (the database was restored, or the cursor comes from another"
                            + " installation): read the current state through the API, then follow the feed from the"
                            + " start (no `after`)");
        }
        List<EventStore.Stored> stored = store.between(after.seq(), last, types, limit);
        if (after.seq() > 0 && after.seq() < store.prunedThrough(types)) {
            throw gone(); // removed for age while this page was read: the page may have a gap
        }
        // The next page starts after the last event of this one, never further: moving over events this reader may
        // not read would tell that they exist (HR could tell who objected by a cursor that jumps).
        FeedCursor next =
                stored.isEmpty() ? after : new FeedCursor(stored.getLast().seq());
        return new Page(stored.stream().map(EventStore.Stored::view).toList(), cursors.encode(next));
    }

    private static ApiException gone() {
        return new ApiException(
                ProblemType.GONE,
                "Events after this cursor are no longer kept: read the current state through the API, then follow the"
                        + " feed from the start (no `after`)");
    }

    /** The types asked for, comma-separated or repeated; an unknown one is a 400 that lists the known ones. */
    static Set<EventType> types(List<String> asked) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (asked == null) {
            return types;
        }
        for (String list : asked) {
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    types.add(EventType.ofWireName(name.strip())
                            .orElseThrow(() -> new ApiException(
                                    ProblemType.MALFORMED_REQUEST,
                                    "Unknown event type; known: " + EventType.wireNames())));
                }
            }
        }
        return types;
    }
}
