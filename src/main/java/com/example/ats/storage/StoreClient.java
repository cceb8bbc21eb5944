package com.example.ats.storage;

import io.minio.Http;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SDK's asynchronous client, with the one call whose answer the SDK (9.0.4) cannot read: the list of incomplete
 * multipart uploads. Its parser refuses any listing with an upload in it (MinIO sends an empty StorageClass,
 * SeaweedFS no Initiator), so the request is signed and sent by the SDK and the XML read here, with a parser that
 * reads no DTD and no external entity.
 */
class StoreClient extends MinioAsyncClient {

    StoreClient(MinioAsyncClient client) {
        super(client);
    }

    /** An upload that was started and neither completed nor aborted. */
    record OpenUpload(String key, String uploadId, Instant initiated) {}

    /** A page of the open uploads under the prefix, after the markers (null for the first page). */
    record Page(List<OpenUpload> uploads, String nextKeyMarker, String nextUploadIdMarker, boolean truncated) {}

    CompletableFuture<Page> openUploads(String bucket, String prefix, String keyMarker, String uploadIdMarker) {
        Http.QueryParameters query = new Http.QueryParameters();
        query.add("uploads", "");
        query.add("prefix", prefix);
        if (keyMarker != null) {
            query.add("key-marker", keyMarker);
        }
        if (uploadIdMarker != null) {
            query.add("upload-id-marker", uploadIdMarker);
        }
        return executeGetAsync(ListMultipartUploadsArgs.builder().bucket(bucket).build(), new Http.Headers(), query)
                .thenApply(response -> {
                    try (response) {
                        return parse(response.body().string());
                    } catch (Exception e) {
                        throw new ObjectStoreUnavailableException(e);
                    }
                });
    }

    static Page parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        List<OpenUpload> uploads = new ArrayList<>();
        NodeList found = document.getElementsByTagName("Upload");
        for (int i = 0; i < found.getLength(); i++) {
            Element upload = (Element) found.item(i);
            String initiated = text(upload, "Initiated");
            uploads.add(new OpenUpload(
                    text(upload, "Key"),
                    text(upload, "UploadId"),
                    initiated == null || initiated.isBlank() ? null : Instant.parse(initiated)));
        }
        Element root = document.getDocumentElement();
        return new Page(
                uploads,
                text(root, "NextKeyMarker"),
                text(root, "NextUploadIdMarker"),
                "true".equalsIgnoreCase(text(root, "IsTruncated")));
    }

    /** The text of the first child element of this name, or null. */
    private static String text(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent();
            }
        }
        return null;
    }
}
