package com.example.ats.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What arrived at the real Mailpit of bin/stack, through its HTTP API. */
public final class Mailpit {

    static final String URL = System.getenv().getOrDefault("ATS_MAILPIT_URL", "http://127.0.0.1:58025");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Message(String subject, String text, String html, String messageId) {}

    private Mailpit() {}

    /** Every mail to this address, oldest first. */
    public static List<Message> to(String address) throws Exception {
        JsonNode found =
                get("/api/v1/search?query=" + URLEncoder.encode("to:\"" + address + "\"", StandardCharsets.UTF_8));
        List<Message> messages = new ArrayList<>();
        for (JsonNode summary : found.path("messages")) {
            JsonNode message = get("/api/v1/message/" + summary.path("ID").asText());
            messages.add(new Message(
                    message.path("Subject").asText(),
                    message.path("Text").asText(),
                    message.path("HTML").asText(),
                    message.path("MessageID").asText()));
        }
        return messages.reversed(); // Mailpit lists the newest first
    }

    /** Waits until {@code count} mails to the address arrived, then a little longer to see that no more come. */
    public static List<Message> await(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (to(address).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " mail(s) to " + address + " within 30 s");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1_500);
        return to(address);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(URL + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Mailpit answered " + response.statusCode() + " to " + path);
        }
        return JSON.readTree(response.body());
    }
}
