package com.example.ats.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delivery goes to the address the target check looked at, not to what a second lookup of the name would give
 * (DNS rebinding: public when checked, internal when connected).
 */
class WebhookPinningTest {

    private static final String SECRET =
            "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theRequestGoesToTheCheckedAddressWithoutASecondLookup() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> hosts = new CopyOnWriteArrayList<>();
        receiver.createContext("/hook", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        AtomicInteger lookups = new AtomicInteger();
        // "rebind.test" does not resolve outside this resolver: a second lookup by the HTTP client would fail, and
        // one after the check would be told an address where nothing listens
        TargetPolicy.Resolver rebinding = host -> {
            assertThat(host).isEqualTo("rebind.test");
            return lookups.getAndIncrement() == 0
                    ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                    : new InetAddress[] {InetAddress.getByName("127.0.0.2")};
        };
        try {
            WebhookSender sender = new WebhookSender(
                    new TargetPolicy(true, true, rebinding), Duration.ofSeconds(2), Duration.ofSeconds(2));
            URI target =
                    URI.create("http://rebind.test:" + receiver.getAddress().getPort() + "/hook");

            WebhookSender.Outcome outcome = sender.send(target, SECRET, "msg_1", "{}");

            assertThat(outcome).isEqualTo(new WebhookSender.Outcome(true, "HTTP 204"));
            assertThat(lookups).hasValue(1);
            assertThat(hosts)
                    .containsExactly("rebind.test:" + receiver.getAddress().getPort());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aNameThatResolvesInwardIsRefusedBeforeAnyConnection() throws Exception {
        TargetPolicy production = new TargetPolicy(false, false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});
        WebhookSender sender = new WebhookSender(production, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(sender.send(URI.create("https://mixed.example.com/hook"), SECRET, "msg_2", "{}"))
                .isEqualTo(new WebhookSender.Outcome(false, "UNSAFE_TARGET"));
    }
}
