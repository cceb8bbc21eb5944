package com.example.ats.event;

import static com.example.ats.shared.Api.as;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the change feed over HTTP, as an HR tool would. */
public final class Feed {

    public static final String PATH = "/api/v1/events";

    private Feed() {}

    /** What was read, and where to continue. */
    public record Read(List<Map<String, Object>> events, String cursor) {}

    /** The cursor at the end of the feed now: events after it are new. */
    public static String end() {
        return since(null).cursor();
    }

    /** Every event an HR admin may read after the cursor (null: from the start), in feed order. */
    public static Read since(String cursor) {
        return since("hr-admin", cursor);
    }

    /** Every event {@code user} may read after the cursor (null: from the start), in feed order. */
    public static Read since(String user, String cursor) {
        List<Map<String, Object>> events = new ArrayList<>();
        String at = cursor;
        while (true) {
            var request = as(user).queryParam("limit", 1000);
            if (at != null) {
                request = request.queryParam("after", at);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            events.addAll(items);
            at = page.getString("nextCursor");
            if (items.size() < 1000) {
                return new Read(events, at);
            }
        }
    }

    /** The events about one subject (its id in the data), in order. */
    public static List<Map<String, Object>> about(List<Map<String, Object>> events, Object subjectId) {
        return events.stream()
                .filter(e -> ((Map<?, ?>) e.get("data")).containsValue(subjectId.toString()))
                .toList();
    }

    public static List<String> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("type")).toList();
    }
}
