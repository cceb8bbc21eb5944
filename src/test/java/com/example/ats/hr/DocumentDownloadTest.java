package com.example.ats.hr;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.intake.SampleFiles;
import com.example.ats.shared.Api;
import com.example.ats.storage.StoreUnderTest;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DownloadService stream the stored bytes, named and typed as at intake, and never deliver a file that changed in storage. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class DocumentDownloadTest {

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCvComesBackByteForByteWithItsTypeLengthAndName() {
        Submissions.Submitted application = Submissions.submit();

        Response response = as("recruiter")
                .get(contentPath(application, application.cvId()))
                .then()
                .statusCode(200)
                .extract()
                .response();

        assertThat(response.asByteArray()).isEqualTo(SampleFiles.pdf());
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(SampleFiles.pdf().length));
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''Curriculum%20vitae.pdf");
        assertThat(auditActions(application.id())).contains("DOCUMENT_DOWNLOADED");
    }

    @Test
    void aDocumentOfAnotherApplicationOrAnUnknownOneIs404() {
        Submissions.Submitted one = Submissions.submit();
        Submissions.Submitted other = Submissions.submit();
        as("hr-admin").get(contentPath(other, one.cvId())).then().statusCode(404);
        as("hr-admin").get(contentPath(one, UUID.randomUUID())).then().statusCode(404);
        as("privacy-officer").get(contentPath(one, one.cvId())).then().statusCode(403);
        anonymous().get(contentPath(one, one.cvId())).then().statusCode(401);
    }

    @Test
    void aFileChangedInStorageBreaksTheDownloadInsteadOfArrivingCorrupted() throws Exception {
        Submissions.Submitted application = Submissions.submit();
        byte[] original = SampleFiles.pdf();
        byte[] tampered = original.clone();
        tampered[tampered.length / 2] ^= 0x20; // same length, one bit flipped
        overwrite(objectKey(application.cvId()), tampered);

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(contentPath(application, application.cvId())))
                .header("Authorization", "Bearer " + Api.userToken("recruiter"))
                .build();
        assertThatThrownBy(() -> {
                    HttpResponse<InputStream> response =
                            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        byte[] received = body.readAllBytes();
                        // Either the connection breaks, or fewer bytes arrive than announced; never the tampered file.
                        assertThat(received).isNotEqualTo(tampered);
                        throw new IOException("short body: " + received.length + " of " + tampered.length);
                    }
                })
                .isInstanceOf(IOException.class);

        String metrics = anonymous().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("ats_documents_integrity_failures_total [1-9]");
    }

    private static String contentPath(Submissions.Submitted application, UUID documentId) {
        return "/api/v1/applications/" + application.id() + "/documents/" + documentId + "/content";
    }

    private String objectKey(UUID documentId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select object_key from document where id = ?1")
                .setParameter(1, documentId)
                .getSingleResult());
    }

    private static void overwrite(String key, byte[] bytes) throws Exception {
        var config = ConfigProvider.getConfig();
        MinioClient client = MinioClient.builder()
                .endpoint(config.getValue("ats.storage.endpoint", String.class))
                .credentials(
                        config.getValue("ats.storage.access-key", String.class),
                        config.getValue("ats.storage.secret-key", String.class))
                .build();
        client.putObject(
                PutObjectArgs.builder().bucket(config.getValue("ats.storage.bucket", String.class)).object(key).stream(
                                new ByteArrayInputStream(bytes), (long) bytes.length, null)
                        .build());
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> auditActions(UUID applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select action from audit_event where application_id = ?1")
                        .setParameter(1, applicationId)
                        .getResultList());
    }
}
