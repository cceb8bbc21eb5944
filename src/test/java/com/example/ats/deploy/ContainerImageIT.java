package com.example.ats.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.mail.Mailpit;
import com.example.ats.shared.Api;
import com.example.ats.shared.Replicas;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The image built from docker/Dockerfile, run as production runs it: read-only root file system with only /tmp
 * writable (tmpfs), its own unprivileged user, all capabilities dropped, the prod profile, settings from the
 * environment only, against the real servers of bin/stack. Driven black-box over HTTP, like an operator's first day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

    private static final String CONTAINER = "ats-it-image";
    // The image's HEALTHCHECK asks port 8080, and the container shares the host's network (bin/stack.d/podman.sh).
    private static final int PORT = 8080;
    private static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void buildAndStart() throws Exception {
        ServiceImage.build();
        Podman.removeQuietly("container", CONTAINER);
        try (ServerSocket free = new ServerSocket(PORT)) {
            assertThat(free.getLocalPort())
                    .as("port 8080 must be free for the image's test")
                    .isEqualTo(PORT);
        }
        run(CONTAINER, PORT, Map.of());
        awaitReady(BASE, Duration.ofSeconds(120));
    }

    @AfterAll
    static void remove() {
        System.out.println(Podman.run(Duration.ofMinutes(1), "logs", "--tail=40", CONTAINER)
                .output());
        Podman.removeQuietly("container", CONTAINER);
    }

    /**
     * Starts the image as production runs it, named and listening as given, with the settings below and these on top;
     * returns when the container runs (not yet when it is ready).
     */
    static void run(String name, int port, Map<String, String> overrides) {
        Podman.removeQuietly("container", name);
        List<String> run = new ArrayList<>(List.of(
                "run",
                "--detach",
                "--name=" + name,
                "--read-only",
                // Podman would mount tmpfs on /tmp, /var/tmp and /run for a read-only container; production has /tmp
                // only.
                "--read-only-tmpfs=false",
                "--tmpfs=/tmp:rw,mode=1777,size=512m",
                "--cap-drop=ALL",
                "--security-opt=no-new-privileges",
                "--memory=768m"));
        Map<String, String> settings = containerSettings(port);
        settings.putAll(overrides);
        settings.forEach((key, value) -> run.add("--env=" + key + "=" + value));
        run.add(ServiceImage.NAME);
        Podman.ok(Duration.ofMinutes(2), run.toArray(String[]::new));
    }

    /** The test servers of bin/stack as Replicas gives them, with mail on and the image's own logging and shutdown. */
    static Map<String, String> containerSettings(int port) {
        Map<String, String> settings = new TreeMap<>(Replicas.settings(port));
        settings.remove("ATS_LOG_JSON");
        settings.remove("ATS_SHUTDOWN_DELAY");
        settings.put("ATS_CLAMD_HOST", Replicas.env("ATS_CLAMD_HOST", "127.0.0.1"));
        settings.put("ATS_CLAMD_PORT", Replicas.env("ATS_CLAMD_PORT", "53310"));
        settings.put("ATS_MAIL_HOST", "127.0.0.1");
        settings.put("ATS_MAIL_PORT", Replicas.env("ATS_MAIL_PORT", "51025"));
        settings.put("ATS_MAIL_START_TLS", "false");
        settings.put("ATS_MAIL_SEND_EVERY", "1s");
        // The image's own value, plus the class loading log that shows the ahead-of-time cache at work.
        settings.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=/tmp -Xlog:class+load=info:stdout");
        return settings;
    }

    @Test
    @Order(1)
    void theImageHoldsTheServiceAndItsBillOfMaterialsButNoBuildToolsNoRepositoryAndNoSource() throws IOException {
        assertThat(Podman.ok(Duration.ofMinutes(1), "image", "inspect", "--format={{.Config.User}}", ServiceImage.NAME))
                .isEqualTo("10001:10001");
        assertThat(Podman.ok(
                        Duration.ofMinutes(1),
                        "image",
                        "inspect",
                        "--format={{.Config.Healthcheck}}",
                        ServiceImage.NAME))
                .contains("/q/health/ready");
        Path root = Path.of(Podman.ok(Duration.ofMinutes(1), "image", "mount", ServiceImage.NAME));
        try {
            assertThat(root.resolve("deployments/quarkus-run.jar")).isRegularFile();
            assertThat(root.resolve("deployments/app.aot")).isRegularFile();
            assertThat(Files.readString(root.resolve("deployments/sbom/bom.cdx.json")))
                    .contains("\"bomFormat\" : \"CycloneDX\"")
                    .contains("pkg:maven/io.quarkus/quarkus-core@")
                    .contains("pkg:maven/io.minio/minio@");
            assertThat(root.resolve("opt/java/openjdk/bin/java")).isRegularFile();
            // The test's build mounts the Maven repository at /root/.m2, which leaves its empty mount point behind.
            try (var repository = Files.walk(root.resolve("root"))) {
                assertThat(repository.filter(Files::isRegularFile).map(Path::toString))
                        .noneMatch(name -> name.contains("/.m2/"));
            }
            for (String absent : List.of(
                    "opt/java/openjdk/bin/javac",
                    "opt/java/openjdk/bin/jlink",
                    "src",
                    "deployments/src",
                    "deployments/pom.xml",
                    "deployments/mvnw",
                    "usr/share/maven",
                    "usr/bin/mvn",
                    "usr/bin/gcc")) {
                assertThat(root.resolve(absent)).as(absent).doesNotExist();
            }
            try (var files = Files.walk(root.resolve("deployments"))) {
                assertThat(files.map(Path::toString))
                        .noneMatch(name -> name.endsWith(".java") || name.endsWith("pom.xml"));
            }
        } finally {
            Podman.run(Duration.ofMinutes(1), "image", "unmount", ServiceImage.NAME);
        }
    }

    @Test
    @Order(2)
    void theServiceRunsAsItsOwnUserFromItsAheadOfTimeCache() throws IOException {
        String pid = Podman.ok(Duration.ofMinutes(1), "inspect", "--format={{.State.Pid}}", CONTAINER);
        String status = Files.readString(Path.of("/proc", pid, "status"));
        assertThat(status.lines().filter(line -> line.startsWith("Uid:")))
                .singleElement()
                .satisfies(line -> assertThat(line.split("\\s+")).containsOnly("Uid:", "10001"));
        // The JVM names where each class came from (-Xlog:class+load, added by the test to the image's options): the
        // service's own classes come from the cache only when the JVM mapped it.
        assertThat(Podman.ok(Duration.ofMinutes(1), "logs", CONTAINER))
                .containsPattern("com\\.example\\.ats\\.[\\w.$]+ source: shared objects file");
    }

    @Test
    @Order(3)
    void anApplicationIsTakenServedByteForByteMailedAndErased() throws Exception {
        String address = "image." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        byte[] cv =
                ("Curriculum vitae " + UUID.randomUUID() + "\n").repeat(2_000).getBytes(StandardCharsets.UTF_8);
        JsonPath created = given().baseUri(BASE.toString())
                .multiPart(
                        "application",
                        "{\"applicant\":{\"firstName\":\"Image\",\"lastName\":\"Test\",\"email\":\"" + address
                                + "\"},\"retentionConsent\":{\"granted\":false}}",
                        "application/json")
                .multiPart("cv", "cv.txt", cv, "text/plain")
                .post("/api/v1/applications")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        String document = created.getString("documents[0].id");

        byte[] downloaded = given().baseUri(BASE.toString())
                .auth()
                .oauth2(Api.userToken("recruiter"))
                .get("/api/v1/applications/{id}/documents/{document}/content", id, document)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(cv)).isEqualTo(created.getString("documents[0].sha256"));

        assertThat(Mailpit.await(address, 1)).hasSize(1);

        given().baseUri(BASE.toString())
                .header("Applicant-Token", created.getString("accessToken"))
                .delete("/api/v1/self/application")
                .then()
                .statusCode(204);
        given().baseUri(BASE.toString())
                .auth()
                .oauth2(Api.userToken("recruiter"))
                .get("/api/v1/applications/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    @Order(4)
    void theImagesHealthCheckReportsHealthy() {
        // Needs the docker image format: Podman's OCI format drops HEALTHCHECK (ServiceImage builds with docker).
        Podman.Result check = Podman.run(Duration.ofMinutes(1), "healthcheck", "run", CONTAINER);
        assertThat(check.exitCode())
                .as("podman healthcheck run: " + check.output())
                .isZero();
    }

    @Test
    @Order(5)
    void aStopEndsItCleanlyWithinTheGracePeriodAfterFinishingAnUploadInFlight() throws Exception {
        String boundary = "image-stop-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                        + "Content-Type: application/json\r\n\r\n"
                        + "{\"applicant\":{\"firstName\":\"Late\",\"lastName\":\"Upload\",\"email\":\"late@example.org\"},"
                        + "\"retentionConsent\":{\"granted\":false}}\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Trickle body =
                new Trickle(head, "Een cv dat langzaam aankomt.\n".repeat(400).getBytes(), tail);
        CompletableFuture<HttpResponse<String>> upload = HTTP.sendAsync(
                HttpRequest.newBuilder(BASE.resolve("/api/v1/applications"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        body.awaitStarted();

        long start = System.nanoTime();
        Podman.ok(Duration.ofSeconds(60), "stop", "--time=45", CONTAINER);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        HttpResponse<String> answer = upload.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(took).isLessThan(Duration.ofSeconds(45));
        int exit = Integer.parseInt(
                Podman.ok(Duration.ofMinutes(1), "inspect", "--format={{.State.ExitCode}}", CONTAINER));
        assertThat(exit).as("0, or 143 as the JVM answers SIGTERM").isIn(0, 143);
        System.out.printf("podman stop took %d ms, exit code %d%n", took.toMillis(), exit);
    }

    static void awaitReady(URI base, Duration within) throws Exception {
        awaitOk(base.resolve("/q/health/ready"), within);
    }

    /** Asks the address until it answers 200, as a probe does; fails with the last status after the time given. */
    static void awaitOk(URI uri, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " did not answer 200 within " + within + " (last status " + last + ")");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A request body that arrives slowly: the head at once, then the file in small pieces over about three seconds. */
    private static final class Trickle extends InputStream {

        private final byte[][] pieces;
        private int piece;
        private int position;
        private final CompletableFuture<Void> started = new CompletableFuture<>();

        Trickle(byte[] head, byte[] file, byte[] tail) {
            List<byte[]> all = new ArrayList<>();
            all.add(head);
            int step = file.length / 30 + 1;
            for (int from = 0; from < file.length; from += step) {
                all.add(java.util.Arrays.copyOfRange(file, from, Math.min(file.length, from + step)));
            }
            all.add(tail);
            pieces = all.toArray(byte[][]::new);
        }

        void awaitStarted() throws Exception {
            started.get();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (piece == pieces.length) {
                return -1;
            }
            if (position == 0 && piece > 0) {
                started.complete(null);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int count = Math.min(length, pieces[piece].length - position);
            System.arraycopy(pieces[piece], position, into, offset, count);
            position += count;
            if (position == pieces[piece].length) {
                piece++;
                position = 0;
            }
            return count;
        }
    }
}
