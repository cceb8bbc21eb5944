package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The listing of incomplete uploads as MinIO and SeaweedFS send it, which the SDK cannot read. */
class StoreClientTest {

    @Test
    void readsMinIOsListingWithItsEmptyStorageClass() throws Exception {
        StoreClient.Page page = StoreClient.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Bucket>ats</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>
                  <NextKeyMarker>applications/b</NextKeyMarker><NextUploadIdMarker>u2</NextUploadIdMarker>
                  <Prefix>applications/</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>true</IsTruncated>
                  <Upload><Key>applications/a</Key><UploadId>u1</UploadId>
                    <Initiator><ID>x</ID><DisplayName>x</DisplayName></Initiator><Owner><ID>x</ID></Owner>
                    <StorageClass></StorageClass><Initiated>2026-12-07T10:00:00.000Z</Initiated></Upload>
                  <Upload><Key>applications/b</Key><UploadId>u2</UploadId><Initiated>2026-12-07T11:00:00Z</Initiated></Upload>
                </ListMultipartUploadsResult>""");
        assertThat(page.uploads())
                .containsExactly(
                        new StoreClient.OpenUpload("applications/a", "u1", Instant.parse("2026-12-07T10:00:00Z")),
                        new StoreClient.OpenUpload("applications/b", "u2", Instant.parse("2026-12-07T11:00:00Z")));
        assertThat(page.truncated()).isTrue();
        assertThat(page.nextKeyMarker()).isEqualTo("applications/b");
        assertThat(page.nextUploadIdMarker()).isEqualTo("u2");
    }

    @Test
    void readsAnEmptyListingAndAnUploadWithoutAStartTime() throws Exception {
        assertThat(StoreClient.parse("<ListMultipartUploadsResult><IsTruncated>false</IsTruncated>"
                                + "</ListMultipartUploadsResult>")
                        .uploads())
                .isEmpty();
        assertThat(StoreClient.parse("<ListMultipartUploadsResult><Upload><Key>k</Key><UploadId>u</UploadId>"
                                + "</Upload></ListMultipartUploadsResult>")
                        .uploads())
                .containsExactly(new StoreClient.OpenUpload("k", "u", null));
    }

    @Test
    void refusesADocumentTypeDeclaration() {
        assertThatThrownBy(() -> StoreClient.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                        + " \"file:///etc/passwd\">]><ListMultipartUploadsResult><Upload><Key>&e;</Key></Upload>"
                        + "</ListMultipartUploadsResult>"))
                .isInstanceOf(Exception.class);
    }
}
