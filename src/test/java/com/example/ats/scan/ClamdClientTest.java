package com.example.ats.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's own rules: a reply is parsed strictly, and every call ends within its timeout even when the server
 * accepts the connection and then neither reads nor answers (a local socket that does nothing stands in for a hung
 * clamd; the real one is tested in ScannerDownTest and MalwareIntakeTest).
 */
class ClamdClientTest {

    @Test
    void repliesAreParsedStrictly() {
        assertThat(ClamdClient.parse("stream: OK").infected()).isFalse();
        assertThat(ClamdClient.parse("stream: Eicar-Test-Signature FOUND").signature())
                .isEqualTo("Eicar-Test-Signature");
        assertThatThrownBy(() -> ClamdClient.parse("INSTREAM size limit exceeded. ERROR"))
                .isInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void aServerThatAcceptsButNeverReadsOrAnswersEndsTheScanWithinItsTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never read: the client's writes fill the buffers
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            ClamdClient client = new ClamdClient("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(1));
            InputStream big = new ByteArrayInputStream(new byte[32 * 1024 * 1024]);

            long start = System.nanoTime();
            assertThatThrownBy(() -> client.scan(big, Duration.ofMillis(500)))
                    .isInstanceOf(ScannerUnavailableException.class)
                    .hasMessageContaining("did not answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            start = System.nanoTime();
            assertThatThrownBy(() -> client.version(Duration.ofMillis(300)))
                    .isInstanceOf(ScannerUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            acceptor.interrupt();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aPortWithoutAServerIsUnavailableAtOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ClamdClient client = new ClamdClient("127.0.0.1", port, Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.version(Duration.ofSeconds(1)))
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }
}
