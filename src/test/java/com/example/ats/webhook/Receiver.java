package com.example.ats.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on loopback, as an HR tool would run one: records every request it gets and answers with
 * the status it is told to (failing the next N requests, hanging on the next one, or redirecting).
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Map<String, List<String>> headers, String body, int answeredWith, Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.getFirst();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failWith = 500;
    private volatile Duration hangNext = Duration.ZERO;
    private volatile boolean failAlways;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            arrived.add(new String(body, StandardCharsets.UTF_8));
            Duration hang = hangNext;
            hangNext = Duration.ZERO;
            int status = failAlways || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failWith : 204;
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            if (!hang.isZero()) {
                try {
                    Thread.sleep(hang);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status, Instant.now()));
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The next {@code count} requests are answered with {@code status}. */
    public Receiver failNext(int count, int status) {
        failWith = status;
        failNext.set(count);
        return this;
    }

    public Receiver failAlways(boolean fail) {
        failWith = 500;
        failAlways = fail;
        return this;
    }

    /** The next request is held this long before its answer. */
    public Receiver hangNext(Duration duration) {
        hangNext = duration;
        return this;
    }

    /** Bodies of every request as it arrived, answered or not. */
    public List<String> arrived() {
        return new ArrayList<>(arrived);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Requests answered 2xx whose body matches. */
    public List<Received> accepted(Predicate<String> body) {
        return received.stream()
                .filter(r -> r.answeredWith() / 100 == 2 && body.test(r.body()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
