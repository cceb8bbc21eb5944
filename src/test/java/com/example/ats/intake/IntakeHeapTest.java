package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Uploads the largest allowed files from many clients at once in a JVM whose heap is capped below what holding those
 * files in memory would take (surefire execution "heap-capped", -Xmx144m): if any layer buffered whole files, this
 * would fail with OutOfMemoryError. The peak of used heap is printed for the record.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class IntakeHeapTest {

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
            new java.util.concurrent.atomic.AtomicInteger();

    private static final long MIB = 1024 * 1024;
    private static final int CONCURRENT = 8;

    @Test
    void largestFilesFromManyClientsFitInASmallHeap() throws Exception {
        Path cv = SampleFiles.text(10 * MIB);
        Path letter = SampleFiles.text(10 * MIB);
        long inFlight = CONCURRENT * 20 * MIB;
        long maxHeap = Runtime.getRuntime().maxMemory();
        assumeTrue(Boolean.getBoolean("ats.heap-capped"), "runs in the heap-capped surefire execution only");
        assertThat(inFlight).as("the files in flight must not fit in the heap").isGreaterThan(maxHeap);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long idle = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(idle);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        List<Integer> statuses;
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                uploads.add(client.sendAsync(upload(cv, letter), HttpResponse.BodyHandlers.ofString()));
            }
            statuses = uploads.stream()
                    .map(CompletableFuture::join)
                    .map(HttpResponse::statusCode)
                    .toList();
        } finally {
            sampler.interrupt();
        }

        System.out.printf(
                "heap-capped intake: %d concurrent uploads of 2 x 10 MiB (%d MiB in flight), max heap %d MiB,"
                        + " used heap idle %d MiB, peak %d MiB%n",
                CONCURRENT, inFlight / MIB, maxHeap / MIB, idle / MIB, peak.get() / MIB);
        assertThat(statuses).containsOnly(201);
    }

    private static HttpRequest upload(Path cv, Path letter) throws Exception {
        String boundary = "ats-heap-test";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"application\"\r\nContent-Type: application/json\r\n\r\n"
                        + Intake.json(Intake.form()) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"cv\"; filename=\"cv.txt\"\r\nContent-Type: text/plain\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(cv),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"motivationLetter\"; filename=\"letter.txt\"\r\nContent-Type: text/plain\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(letter),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + Intake.PATH))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // each from a client of its own: one address may send only a few at once (SlowBodyTest)
                .header("X-Forwarded-For", "192.0.2." + CLIENTS.incrementAndGet())
                .POST(body)
                .build();
    }
}
