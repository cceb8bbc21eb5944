package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow bodies cannot stall intake: one client address holds at most four intakes at once (the rest are told 429 as
 * soon as their headers are in), so trickling connections leave the other slots to everyone else; and a body that
 * arrives slower than the minimum rate is cut off after the grace, even while a read waits for it.
 */
@QuarkusTest
class SlowBodyTest {

    private static final String BOUNDARY = "trickle";

    @Test
    void tricklingConnectionsFromOneAddressCannotStallIntakeForOthers() throws Exception {
        List<Socket> trickles = new ArrayList<>();
        try {
            int held = 0;
            int refused = 0;
            for (int i = 0; i < 12; i++) { // as many as the test instance's intake slots
                Socket socket = startTrickle("203.0.113.77");
                trickles.add(socket);
                String status = statusWithin(socket, Duration.ofSeconds(1));
                if (status == null) {
                    held++;
                } else {
                    assertThat(status).startsWith("HTTP/1.1 429");
                    refused++;
                }
            }
            assertThat(held).isEqualTo(4);
            assertThat(refused).isEqualTo(8);

            long started = System.nanoTime();
            Intake.valid()
                    .header("X-Forwarded-For", "198.51.100.23")
                    .post(Intake.PATH)
                    .then()
                    .statusCode(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket socket : trickles) {
                socket.close();
            }
        }
    }

    @Test
    void aBodySlowerThanTheMinimumRateIsCutOffAfterTheGrace() throws Exception {
        try (Socket socket = startTrickle("203.0.113.78")) {
            CompletableFuture<Integer> closed = CompletableFuture.supplyAsync(() -> {
                try {
                    socket.setSoTimeout(60_000);
                    while (socket.getInputStream().read() >= 0) {
                        // whatever the service says before it hangs up
                    }
                    return -1;
                } catch (IOException e) {
                    return -2; // reset: cut off all the same
                }
            });
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            try {
                while (!closed.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(40)) {
                    out.write('x'); // one byte every half second: far below the minimum rate
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException hungUp) {
                // the service closed the connection
            }
            closed.get(45, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThan(Duration.ofSeconds(9)).isLessThan(Duration.ofSeconds(20));
        }
        // the slot it held is free again: this address may send its four at once
        Intake.valid()
                .header("X-Forwarded-For", "203.0.113.78")
                .post(Intake.PATH)
                .then()
                .statusCode(201);
    }

    /** A multipart post that announces 20 MiB, sends the start of a file part, and then nothing. */
    private static Socket startTrickle(String address) throws IOException {
        Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + Intake.PATH + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + address + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                        + "Content-Length: " + 20 * 1024 * 1024 + "\r\n\r\n"
                        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line, when the service answers within the time; null when it is still reading the body. */
    private static String statusWithin(Socket socket, Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (SocketTimeoutException stillReading) {
            return null;
        }
    }
}
