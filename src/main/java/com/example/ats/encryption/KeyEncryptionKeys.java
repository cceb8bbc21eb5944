package com.example.ats.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key-encryption keys the configuration gives (ATS_KEY_ENCRYPTION_KEYS): the first wraps every new data key,
 * the others unwrap keys wrapped before a rotation until the re-wrap job has moved them. A malformed entry stops the
 * start with the configuration ({@link UsableKeys} on {@link EncryptionConfig}), naming the setting and the entry's
 * place, never its value.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;

    private final Map<String, Aead> keys;
    private final String currentId;
    private final List<String> ids;

    @Inject
    KeyEncryptionKeys(EncryptionConfig config) {
        this(config.keyEncryptionKeys());
    }

    /** From entries {@code id:base64}, the first current. */
    KeyEncryptionKeys(List<String> entries) {
        Map<String, byte[]> parsed = parse(entries);
        Map<String, Aead> keys = new LinkedHashMap<>();
        parsed.forEach((id, raw) -> keys.put(id, aead(raw)));
        this.keys = Map.copyOf(keys);
        this.currentId = parsed.keySet().iterator().next();
        this.ids = List.copyOf(parsed.keySet());
    }

    /** What is wrong with the entries, in words that name no key; empty when they can be used. */
    static Optional<String> problem(List<String> entries) {
        try {
            parse(entries);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Map<String, byte[]> parse(List<String> entries) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        int place = 0;
        for (String entry : entries == null ? List.<String>of() : entries) {
            place++;
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw refused("entry " + place + " has no id (id:base64, the id of letters, digits, '.', '_', '-')");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw refused("the key of entry " + place + " (" + id + ") is not base64");
            }
            if (raw.length != KEY_BYTES) {
                throw refused("the key of entry " + place + " (" + id + ") is " + raw.length + " bytes, not 32");
            }
            if (parsed.put(id, raw) != null) {
                throw refused("the id " + id + " is given twice");
            }
        }
        if (parsed.isEmpty()) {
            throw refused("no key is given");
        }
        return parsed;
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(why + ". Give at least one key-encryption key, id:base64 of 32 random"
                + " bytes, e.g. 2026-12:$(head -c 32 /dev/urandom | base64) (docs/OPERATIONS.md)");
    }

    private static Aead aead(byte[] raw) {
        try {
            AeadConfig.register();
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder()
                            .setKeySizeBytes(KEY_BYTES)
                            .setIvSizeBytes(12)
                            .setTagSizeBytes(16)
                            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                            .build())
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                    .build();
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use a key-encryption key", e);
        }
    }

    /** The id of the key that wraps new data keys. */
    public String currentId() {
        return currentId;
    }

    /** The ids of every configured key, the current one first. */
    List<String> ids() {
        return ids;
    }

    /** The key of this id, if the configuration still gives it. */
    Optional<Aead> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
