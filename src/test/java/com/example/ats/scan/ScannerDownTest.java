package com.example.ats.scan;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.example.ats.encryption.StoredFile;
import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import com.example.ats.work.WorkQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With the real clamd stopped, intake goes on and stores files PENDING; staff cannot open them (the privacy officer
 * can, by asking explicitly); once clamd is back, the worker gives every pending file its verdict.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class ScannerDownTest {

    @Inject
    PendingScanWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkQueue queue;

    @Inject
    TestClock clock;

    @AfterEach
    void scannerBack() {
        Clamd.start();
        clock.reset();
    }

    private record Sent(UUID id, UUID cv, String token) {
        String path() {
            return "/api/v1/applications/" + id + "/documents/" + cv + "/content";
        }

        String ownPath() {
            return "/api/v1/self/application/documents/" + cv + "/content";
        }
    }

    private static Sent submitWhileDown(String fileName, byte[] cv, String type) {
        JsonPath receipt = Intake.request(Intake.form())
                .multiPart("cv", fileName, cv, type)
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("documents[0].scan", equalTo("PENDING"))
                .extract()
                .jsonPath();
        return new Sent(
                UUID.fromString(receipt.getString("id")),
                UUID.fromString(receipt.getString("documents[0].id")),
                receipt.getString("accessToken"));
    }

    @Test
    void thePrivacyOfficersExportLeavesAPendingFileOutUnlessAskedForAndAuditsItWhenAsked() throws Exception {
        Clamd.stop();
        Sent sent = submitWhileDown("cv.pdf", SampleFiles.pdf(), "application/pdf");
        String export = "/api/v1/applications/" + sent.id() + "/export";

        byte[] plain = as("privacy-officer")
                .get(export)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(zipEntries(plain)).contains("application.json").noneMatch(name -> name.startsWith("documents/"));
        assertThat(auditActions(sent.id())).doesNotContain("DOCUMENT_DOWNLOADED_UNSCANNED");

        byte[] asked = as("privacy-officer")
                .queryParam("unscanned", true)
                .get(export)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(zipEntries(asked)).contains("documents/cv-cv.pdf");
        assertThat(auditDetail(sent.id(), "DOCUMENT_DOWNLOADED_UNSCANNED"))
                .isEqualTo("document " + sent.cv() + ", scan PENDING, in the export");

        byte[] own = given().header("Applicant-Token", sent.token())
                .get("/api/v1/self/application/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(zipEntries(own)).as("the applicant's own bytes back").contains("documents/cv-cv.pdf");
    }

    @Test
    void intakeGoesOnWhileClamdIsDownAndTheWorkerScansThePendingFileWhenItIsBack() {
        Clamd.stop();
        Sent sent = submitWhileDown("cv.pdf", SampleFiles.pdf(), "application/pdf");

        as("recruiter")
                .get(sent.path())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PENDING"));
        as("privacy-officer").get(sent.path()).then().statusCode(403);
        as("hr-admin").queryParam("unscanned", true).get(sent.path()).then().statusCode(403);
        byte[] opened = as("privacy-officer")
                .queryParam("unscanned", true)
                .get(sent.path())
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(opened).isEqualTo(SampleFiles.pdf());
        assertThat(auditActions(sent.id())).contains("DOCUMENT_DOWNLOADED_UNSCANNED");
        assertThat(auditDetail(sent.id(), "DOCUMENT_DOWNLOADED_UNSCANNED"))
                .isEqualTo("document " + sent.cv() + ", scan PENDING");
        given().header("Applicant-Token", sent.token())
                .get(sent.ownPath())
                .then()
                .statusCode(200);

        anonymous().get("/q/health/ready").then().statusCode(200);
        anonymous()
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'malware-scanner' }.status", equalTo("DOWN"));
        assertThat(anonymous().get("/q/health/well").asString())
                .as("where clamd listens is not told to anonymous callers")
                .doesNotContain(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("ats.scan.host", String.class)
                        + ":");
        double pendingWhileDown = metric("ats_scan_pending");
        assertThat(pendingWhileDown).isGreaterThanOrEqualTo(1);
        assertThat(worker.scanPending()).isEqualTo(new PendingScanWorker.Round(0, true));

        Clamd.start();
        PendingScanWorker.Round round = worker.scanPending();

        assertThat(round.scannerFailed()).isFalse();
        assertThat(round.scanned()).isGreaterThanOrEqualTo(1);
        as("recruiter").get(sent.path()).then().statusCode(200);
        as("recruiter")
                .get("/api/v1/applications/" + sent.id())
                .then()
                .statusCode(200)
                .body("documents[0].scan.state", equalTo("CLEAN"))
                .body("documents[0].scan.database", startsWith("ClamAV 1."));
        anonymous().get("/q/health/well").then().statusCode(200);
        assertThat(metric("ats_scan_pending")).isLessThan(pendingWhileDown);
    }

    @Test
    void aScanWhoseReplicaDiesMidItemIsDoneOnceByAnother() {
        while (worker.scanPending().scanned() > 0) {
            // pending documents of earlier tests first, so that ours is the only one due
        }
        Clamd.stop();
        Sent ours = submitWhileDown("cv.pdf", SampleFiles.pdf(), "application/pdf");
        Clamd.start();

        // another replica claims the document, counts its attempt, and dies while it scans
        List<WorkQueue.Item<StoredFile>> dead = queue.claim(worker);
        assertThat(dead)
                .singleElement()
                .satisfies(item -> assertThat(item.claim().id()).isEqualTo(ours.cv()));
        assertThat(queue.begin(worker, dead.getFirst().claim())).isTrue();

        assertThat(worker.scanPending().scanned())
                .as("its claim holds until the lease runs out")
                .isZero();
        clock.travel(worker.kind().lease().plusSeconds(1));
        assertThat(worker.scanPending().scanned()).isPositive();
        assertThat(queue.run(worker, dead).recorded())
                .as("the dead replica's late verdict is not written")
                .isZero();
        assertThat(scanAttempts(ours.cv())).as("its attempt and ours").isEqualTo(2);
        as("recruiter").get(ours.path()).then().statusCode(200);
    }

    private int scanAttempts(UUID document) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select scan_attempts from document where id = ?1")
                                .setParameter(1, document)
                                .getSingleResult())
                        .intValue());
    }

    @Test
    void aFileFoundInfectedAfterIntakeIsBlockedForStaffAndApplicantAndKeptForThePrivacyOfficer() {
        Clamd.stop();
        Sent sent = submitWhileDown("cv.txt", Clamd.eicar(), "text/plain");
        Clamd.start();

        worker.scanPending();

        as("recruiter")
                .get("/api/v1/applications/" + sent.id())
                .then()
                .body("documents[0].scan.state", equalTo("INFECTED"))
                .body("documents[0].scan.signature", startsWith("Eicar-Test-Signature"));
        as("recruiter")
                .get(sent.path())
                .then()
                .statusCode(409)
                .body("detail", containsString("INFECTED (Eicar-Test-Signature"));
        given().header("Applicant-Token", sent.token())
                .get(sent.ownPath())
                .then()
                .statusCode(409);
        as("privacy-officer")
                .queryParam("unscanned", true)
                .get(sent.path())
                .then()
                .statusCode(200);
        byte[] export = given().header("Applicant-Token", sent.token())
                .get("/api/v1/self/application/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(zipEntries(export)).contains("application.json").noneMatch(name -> name.startsWith("documents/"));
        assertThat(metric("ats_scan_infected_stored")).isGreaterThanOrEqualTo(1);
        assertThat(anonymous().get("/q/metrics").asString()).contains("ats_scan_infected_total{at=\"stored\"");
    }

    @Test
    void theScannerHealthCheckIsNotPartOfReadiness() {
        anonymous()
                .get("/q/health/ready")
                .then()
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("malware-scanner")));
        anonymous().get("/q/health/well").then().statusCode(200).body("checks.name", hasItem("malware-scanner"));
    }

    private String auditDetail(UUID applicationId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select detail from audit_event where application_id = ?1 and action = ?2", String.class)
                .setParameter(1, applicationId)
                .setParameter(2, action)
                .getSingleResult());
    }

    private List<String> auditActions(UUID applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select action from audit_event where application_id = ?1", String.class)
                        .setParameter(1, applicationId)
                        .getResultList()
                        .stream()
                        .map(String.class::cast)
                        .toList());
    }

    private static List<String> zipEntries(byte[] zip) {
        List<String> names = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    private static double metric(String name) {
        String metrics = anonymous().get("/q/metrics").asString();
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in /q/metrics"));
    }
}
