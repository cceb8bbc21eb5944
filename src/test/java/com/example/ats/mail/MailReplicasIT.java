package com.example.ats.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Replicas;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mail with two real replicas of the packaged service and the real Mailpit: each receipt arrives once although both
 * replicas send, and a replica killed with SIGKILL in the middle of a send (its SMTP server silent) loses nothing:
 * the other sends the mail when the claim's lease runs out, once.
 */
class MailReplicasIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOUNDARY = "ats-mail-replicas";

    private final Replicas replicas = new Replicas();

    @AfterEach
    void stopAll() throws Exception {
        replicas.close();
    }

    @Test
    void twoReplicasSendEachReceiptOnce() throws Exception {
        URI a = replicas.start("mail-a", mailTo(mailPort()));
        URI b = replicas.start("mail-b", mailTo(mailPort()));

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> applied = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            URI via = i % 2 == 0 ? a : b;
            applied.add(clients.submit(() -> apply(via)));
        }
        List<String> addresses = new ArrayList<>();
        for (Future<String> address : applied) {
            addresses.add(address.get());
        }
        clients.shutdown();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!allArrived(addresses) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000); // time for a second copy, were there one
        for (String address : addresses) {
            assertThat(Mailpit.to(address)).as(address).hasSize(1);
        }
    }

    @Test
    void aReplicaKilledMidSendLosesNoMailAndTheOtherSendsItOnce() throws Exception {
        try (SilentSmtp silent = new SilentSmtp()) {
            URI a = replicas.start("mail-killed", mailTo(silent.port()));
            String address = apply(a);
            silent.awaitConnection(Duration.ofSeconds(30)); // a has claimed the mail and waits for the greeting
            Process first = replicas.started().getFirst();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            replicas.start("mail-survivor", mailTo(mailPort()));
            assertThat(Mailpit.await(address, 1)).hasSize(1);
        }
    }

    private static boolean allArrived(List<String> addresses) throws Exception {
        for (String address : addresses) {
            if (Mailpit.to(address).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> mailTo(int port) {
        return Map.of(
                "ATS_MAIL_HOST", "127.0.0.1",
                "ATS_MAIL_PORT", String.valueOf(port),
                "ATS_MAIL_START_TLS", "false",
                "ATS_MAIL_SEND_EVERY", "1s",
                "ATS_MAIL_LEASE", "PT5S");
    }

    private static int mailPort() {
        return Integer.parseInt(Replicas.env("ATS_MAIL_PORT", "51025"));
    }

    /** Applies through the replica's public intake; returns the applicant's (unique) address. */
    private static String apply(URI replica) throws Exception {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String address = "replica." + letters + "@example.org";
        String form = "{\"applicant\":{\"firstName\":\"Replica\",\"lastName\":\"Test\",\"email\":\"" + address
                + "\"},\"retentionConsent\":{\"granted\":false}}";
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + form + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nEen korte cv in platte tekst.\r\n--" + BOUNDARY + "--\r\n";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(replica.resolve("/api/v1/applications"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return address;
    }

    /** An SMTP port that accepts connections and never answers: a send hangs there until its timeout. */
    private static final class SilentSmtp implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0);
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::accept);

        SilentSmtp() throws IOException {}

        int port() {
            return server.getLocalPort();
        }

        void awaitConnection(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (held.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica did not try to send within " + within);
                }
                Thread.sleep(50);
            }
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
            acceptor.interrupt();
        }
    }
}
