package com.example.ats.encryption;

import com.example.ats.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one way to read a stored document's bytes: from the store, decrypted while they stream when the object is
 * encrypted (a file stored before encryption, or while it was off, is read as it is until the migration job has
 * encrypted it). Downloads, exports and the scanner all read here.
 */
@ApplicationScoped
public class StoredFiles {

    private final ObjectStore store;
    private final DataKeys keys;

    StoredFiles(ObjectStore store, DataKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** A stored file with what reading it needs from the database: its application's key (none when in clear). */
    public record Readable(StoredFile file, DataKey key) {}

    /**
     * Reads the file's key, in the caller's transaction (a download reads it with the document's row) or one of its
     * own. Throws {@link KeyDestroyedException} when the key is gone, {@link KeyUnavailableException} when it cannot
     * be unwrapped here.
     */
    public Readable prepare(StoredFile file) {
        return new Readable(file, file.encrypted() ? keys.of(file.applicationId()) : null);
    }

    /** {@link #open(Readable)} of {@link #prepare}. */
    public InputStream open(StoredFile file) {
        return open(prepare(file));
    }

    /**
     * The plaintext; the caller closes it. Throws the store's exception when it cannot be reached; a read that does
     * not authenticate fails with a {@link NotAuthenticException}.
     */
    public InputStream open(Readable readable) {
        StoredFile file = readable.file();
        if (readable.key() == null) {
            return store.get(file.objectKey());
        }
        DataKey key = readable.key();
        Transport ciphertext = new Transport(store.get(file.objectKey()));
        try {
            return new Authenticated(key.decrypting(ciphertext, file.documentId()), ciphertext);
        } catch (IOException e) {
            try {
                ciphertext.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The stored bytes are not what was encrypted for this document: changed, cut, or another object. */
    public static final class NotAuthenticException extends IOException {

        NotAuthenticException(IOException cause) {
            super("the stored file does not decrypt: it was changed, cut or replaced", cause);
        }
    }

    /** The store's stream, remembering whether a failure came from it (the network) rather than from decryption. */
    private static final class Transport extends FilterInputStream {

        private boolean failed;

        Transport(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }

    /** The plaintext: a read that fails while the store's stream did not is a file that does not authenticate. */
    private static final class Authenticated extends FilterInputStream {

        private final Transport transport;

        Authenticated(InputStream plaintext, Transport transport) {
            super(plaintext);
            this.transport = transport;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw transport.failed ? e : new NotAuthenticException(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw transport.failed ? e : new NotAuthenticException(e);
            }
        }
    }
}
