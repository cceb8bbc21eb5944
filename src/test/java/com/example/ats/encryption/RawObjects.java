package com.example.ats.encryption;

import com.example.ats.retention.Applications;
import io.minio.GetObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What an attacker with a copy of the store, or an operator after an erasure, can do with the raw objects: read them
 * with the store's own credentials (not through the service), and try every key the live database and configuration
 * still hold.
 */
public final class RawObjects {

    private RawObjects() {}

    /** The object's bytes, straight from the store with its SDK. */
    public static byte[] read(String bucket, String key) {
        try (InputStream in = Applications.minio()
                .getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + key, e);
        }
    }

    /** Whether {@code needle} occurs in {@code bytes}. */
    public static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Deflated size over original size: about 1 or more for random bytes, far below for text. */
    public static double compressionRatio(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 1024];
        int size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer, size, buffer.length - size);
        }
        deflater.end();
        return (double) size / bytes.length;
    }

    /**
     * The plaintext of a document's object decrypted with any data key the live database holds, unwrapped with any
     * key-encryption key the configuration gives; null when none opens it.
     */
    public static byte[] decryptWithWhatIsLeft(EntityManager entityManager, byte[] ciphertext, UUID documentId) {
        return decryptWith(
                ConfigProvider.getConfig().getValues("ats.encryption.key-encryption-keys", String.class),
                entityManager,
                ciphertext,
                documentId);
    }

    /** As {@link #decryptWithWhatIsLeft}, with only these key-encryption keys ({@code id:base64} each). */
    public static byte[] decryptWith(
            List<String> kekEntries, EntityManager entityManager, byte[] ciphertext, UUID documentId) {
        KeyEncryptionKeys keks = new KeyEncryptionKeys(kekEntries);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select application_id, kek_id, wrapped from application_key")
                        .getResultList());
        for (Object[] row : rows) {
            DataKey key;
            try {
                key = DataKey.unwrap(
                        (UUID) row[0],
                        (byte[]) row[2],
                        keks.byId((String) row[1]).orElseThrow());
            } catch (Exception e) {
                continue;
            }
            try (InputStream in = key.decrypting(new ByteArrayInputStream(ciphertext), documentId)) {
                return in.readAllBytes();
            } catch (IOException e) {
                // not this key
            }
        }
        return null;
    }

    /** How many data-key rows the application has. */
    public static long keyRows(EntityManager entityManager, UUID applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from application_key where application_id = ?1")
                                .setParameter(1, applicationId)
                                .getSingleResult())
                        .longValue());
    }

    /** The document id an object key names (applications/{application}/{document}). */
    public static UUID documentOf(String key) {
        String[] parts = key.split("/");
        return UUID.fromString(
                Arrays.asList(parts).getLast().replace(com.example.ats.storage.ObjectKeys.ENCRYPTED, ""));
    }
}
