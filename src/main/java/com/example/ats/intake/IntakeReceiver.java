package com.example.ats.intake;

import com.example.ats.encryption.DataKey;
import com.example.ats.encryption.DataKeys;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads an intake request's multipart body as it arrives (Commons FileUpload's streaming API) and sends each file
 * part to the store while it is received (ADR 0019). On the way each part is counted, hashed (SHA-256) and written to
 * a local file, from which the store's upload sends each full part while the next arrives, and which the checks that
 * must read a whole file (format, active content, malware) read afterwards; a part that fails them is removed from
 * the store again when the {@link Reception} closes.
 */
@ApplicationScoped
public class IntakeReceiver {

    static final int MAX_FORM_BYTES = 64 * 1024;
    /** A field of the apply page; longer than any the form allows, so validation tells what is too long. */
    private static final int MAX_FIELD_BYTES = 4 * 1024;
    /** Far more than the three known parts; bounds the work a body of many tiny parts can cause. */
    private static final int MAX_PARTS = 100;
    /** What is read and written at a time: the multipart reader hands out a few KiB per read. */
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Only for reading part headers. */
    private static final StreamingUpload NAMES = new StreamingUpload();

    private final ObjectStore store;
    private final DataKeys dataKeys;
    private final Semaphore receiving;
    private final Semaphore waiting;
    private final Duration slotWait;
    private final ConcurrentHashMap<String, Integer> receivingFrom = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> waitingFrom = new ConcurrentHashMap<>();
    private final int perClient;
    private final SlowBodies slowBodies;
    private final long maxFileSize;
    private final long maxRequestSize;
    private final Path copies;

    IntakeReceiver(
            ObjectStore store,
            DataKeys dataKeys,
            IntakeConfig config,
            SlowBodies slowBodies,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxRequestSize,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String copies) {
        this.store = store;
        this.dataKeys = dataKeys;
        // fair: who waits longest gets the next slot
        this.receiving = new Semaphore(config.maxConcurrentUploads(), true);
        this.waiting = new Semaphore(config.maxWaitingUploads());
        this.slotWait = config.uploadSlotWait();
        this.perClient = config.maxConcurrentUploadsPerClient();
        this.slowBodies = slowBodies;
        this.maxFileSize = config.maxFileSize().asLongValue();
        this.maxRequestSize = maxRequestSize.asLongValue();
        this.copies = Path.of(copies);
    }

    /**
     * Reads the whole body. Throws a 400 problem for a malformed body (IOException), a 413 for one over the request
     * limit; whatever was stored by then is removed. The caller closes the reception.
     */
    Reception receive(String contentType, InputStream body, Sender sender) throws IOException {
        return receive(contentType, body, Set.of(), sender);
    }

    /**
     * Reads the apply page's body: its text fields (each up to a few KiB, the rest skipped) instead of a JSON
     * application part, and the files as for the API; a file input left empty (a part without a file name) is no file.
     */
    public Reception receivePage(String contentType, InputStream body, Set<String> fields, Sender sender)
            throws IOException {
        return receive(contentType, body, fields, sender);
    }

    /**
     * Under two bounds: intakes being sent at once (past it one waits a while for a slot, then 503), and of those,
     * from one client address (429 past it, so that a few clients cannot hold every slot); the body is cut off when it
     * comes too late or too slowly.
     */
    private Reception receive(String contentType, InputStream body, Set<String> fields, Sender sender)
            throws IOException {
        if (receivingFrom.merge(sender.client(), 1, Integer::sum) > perClient) {
            release(sender.client());
            throw new ApiException(
                            ProblemType.TOO_MANY_REQUESTS,
                            "Too many applications are being sent from your address at once; retry when one is done")
                    .withHeader("Retry-After", "5");
        }
        try {
            if (!slot(sender.client())) {
                throw new ApiException(
                                ProblemType.SERVICE_UNAVAILABLE,
                                "Too many applications are being sent right now; retry shortly")
                        .withHeader("Retry-After", "5");
            }
            try (SlowBodies.Watched watched = slowBodies.watch(body, sender)) {
                return receiveAll(contentType, watched, fields);
            } finally {
                receiving.release();
            }
        } finally {
            release(sender.client());
        }
    }

    /**
     * A receiving slot, at once or within the configured wait, in turn with those already waiting (a newcomer does
     * not take a freed slot ahead of them); at most one waiting intake per client address, and no more than the
     * configured number in all, so that waiting costs a flood as much as sending. Whether one came.
     */
    private boolean slot(String client) {
        try {
            if (receiving.tryAcquire(0, TimeUnit.MILLISECONDS)) { // unlike tryAcquire(), this one queues fairly
                return true;
            }
            if (waitingFrom.putIfAbsent(client, Boolean.TRUE) != null) {
                return false;
            }
            try {
                if (!waiting.tryAcquire()) {
                    return false;
                }
                try {
                    return receiving.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    waiting.release();
                }
            } finally {
                waitingFrom.remove(client);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void release(String client) {
        receivingFrom.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
    }

    private Reception receiveAll(String contentType, InputStream body, Set<String> fields) throws IOException {
        UUID applicationId = UUID.randomUUID();
        Reception reception = new Reception(store, applicationId, dataKeys.forIntake(applicationId));
        try {
            StreamingUpload upload = new StreamingUpload();
            upload.setMaxSize(maxRequestSize);
            FileItemInputIterator items = upload.getItemIterator(new Body(contentType, body));
            int parts = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++parts > MAX_PARTS) {
                    throw new ApiException(
                            ProblemType.MALFORMED_REQUEST, "The multipart body has more than " + MAX_PARTS + " parts");
                }
                String part = item.getFieldName() == null ? "" : item.getFieldName();
                boolean page = !fields.isEmpty();
                if (page && !item.isFormField() && IntakeParts.FILES.contains(part) && isBlank(fileName(item))) {
                    continue; // a file input left empty
                }
                boolean known = page
                        ? fields.contains(part) || IntakeParts.FILES.contains(part)
                        : IntakeParts.ALL.contains(part);
                if (reception.arrived(part) > 1 || !known) {
                    continue; // refused by its name or count later; the iterator skips its bytes
                }
                if (page && fields.contains(part)) {
                    readField(item, part, reception);
                } else if (part.equals(IntakeParts.APPLICATION)) {
                    readForm(item, reception);
                } else if (item.isFormField()) {
                    reception.notAFile(part);
                } else {
                    reception.add(receiveFile(reception, part, item));
                }
            }
            return reception;
        } catch (FileUploadSizeException e) {
            reception.close();
            throw new ApiException(
                    ProblemType.PAYLOAD_TOO_LARGE, "The request is larger than " + maxRequestSize + " bytes in all");
        } catch (IOException | RuntimeException e) {
            reception.close();
            throw e;
        }
    }

    private static void readForm(FileItemInput item, Reception reception) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FORM_BYTES + 1);
            boolean tooLarge = bytes.length > MAX_FORM_BYTES;
            reception.form(tooLarge ? null : new String(bytes, StandardCharsets.UTF_8), tooLarge);
        }
    }

    private static void readField(FileItemInput item, String part, Reception reception) throws IOException {
        try (InputStream in = item.getInputStream()) {
            reception.field(part, new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8));
        }
    }

    private static boolean isBlank(String fileName) {
        return fileName == null || fileName.isBlank();
    }

    private IncomingFile receiveFile(Reception reception, String part, FileItemInput item) throws IOException {
        UUID documentId = UUID.randomUUID();
        String key = ObjectKeys.of(reception.applicationId(), documentId);
        Path copy = reception.newCopy(copies);
        Optional<DataKey> dataKey = reception.dataKey();
        // what goes to the store: the copy itself, or its ciphertext under the application's key (ADR 0030)
        Path sent = dataKey.isPresent() ? reception.newCopy(copies) : copy;
        reception.storing(key);
        ObjectStore.Upload upload = store.upload(
                key,
                sent,
                "application/octet-stream", // the format is known after the checks; downloads take it from the row
                Map.of(
                        "application-id",
                        reception.applicationId().toString(),
                        "kind",
                        IntakeParts.kindOf(part).name()));
        MessageDigest sha256 = Fingerprint.sha256();
        long size = 0;
        boolean finished = false;
        try (InputStream in = item.getInputStream();
                OutputStream out = Files.newOutputStream(copy);
                Sealed sealed = new Sealed(dataKey, sent, documentId)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long limit = maxFileSize + 1; // one byte more tells a part that is too large; the rest is skipped
            int n;
            while (size < limit && (n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit - size))) > 0) {
                sha256.update(buffer, 0, n);
                write(out, buffer, n);
                size += n;
                upload.arrived(sealed.write(buffer, n, size));
            }
            upload.finish(sealed.finish(size));
            finished = true;
        } finally {
            if (!finished) {
                upload.abort();
            }
        }
        return new IncomingFile(
                part,
                copy,
                fileName(item),
                size,
                HexFormat.of().formatHex(sha256.digest()),
                new IncomingFile.Stored(documentId, key, dataKey.isPresent()));
    }

    /** A failure to write our own copy is the server's, not a malformed request (which a plain IOException means). */
    private static void write(OutputStream out, byte[] buffer, int n) {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local copy of a received part", e);
        }
    }

    /**
     * The ciphertext of a part, written to its own local file as the plaintext arrives, when the application has a
     * key; nothing otherwise (the plaintext copy is what is sent). Tells how many bytes the sent file holds.
     */
    private static final class Sealed implements AutoCloseable {

        private final OutputStream file;
        private final OutputStream encrypting;
        private long written;

        Sealed(Optional<DataKey> key, Path sent, UUID documentId) throws IOException {
            if (key.isEmpty()) {
                this.file = null;
                this.encrypting = null;
                return;
            }
            this.file = new java.io.FilterOutputStream(Files.newOutputStream(sent)) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    written += length;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    written++;
                }
            };
            try {
                this.encrypting = key.get().encrypting(file, documentId);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }

        /** Encrypts the next bytes; returns the size of the file sent to the store (the plaintext's without a key). */
        long write(byte[] buffer, int n, long plaintextSize) {
            if (encrypting == null) {
                return plaintextSize;
            }
            IntakeReceiver.write(encrypting, buffer, n);
            return written;
        }

        /** Writes the last segment; returns the sent file's final size. */
        long finish(long plaintextSize) {
            if (encrypting == null) {
                return plaintextSize;
            }
            try {
                encrypting.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the ciphertext of a received part", e);
            }
            return written;
        }

        @Override
        public void close() throws IOException {
            if (encrypting != null) {
                file.close();
            }
        }
    }

    /**
     * The name as the client sent it, sanitised later ({@link FileNames}): FileUpload's own getter throws for a NUL,
     * with the name in the exception's message.
     */
    private static String fileName(FileItemInput item) {
        return NAMES.getFileName(item.getHeaders());
    }

    /** The request body with its Content-Type, as the multipart reader wants it. */
    private record Body(String contentType, InputStream stream) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return null;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return stream;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** FileUpload's streaming iterator over our request; the item-building methods are never used. */
    private static final class StreamingUpload extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {

        @Override
        public FileItemInputIterator getItemIterator(Body body) throws IOException {
            return super.getItemIterator((RequestContext) body);
        }

        @Override
        public Map<String, java.util.List<DiskFileItem>> parseParameterMap(Body body) {
            throw new UnsupportedOperationException("streaming only");
        }

        @Override
        public java.util.List<DiskFileItem> parseRequest(Body body) {
            throw new UnsupportedOperationException("streaming only");
        }
    }
}
