package com.example.ats.intake;

import com.example.ats.shared.ClientAddress;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is sending an intake's body, as the limits count them, and how to cut them off: resetting the request ends a
 * read that is waiting for bytes that do not come, which no check between reads can.
 *
 * @param client the client address ({@link ClientAddress})
 */
public record Sender(String client, Runnable hangUp) {

    public static Sender of(HttpServerRequest request) {
        // a reset ends this request only: HTTP/1.1 closes its connection, HTTP/2 resets its stream
        return new Sender(ClientAddress.of(request), () -> request.response().reset());
    }
}
