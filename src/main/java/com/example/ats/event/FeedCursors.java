package com.example.ats.event;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.ServerSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals feed cursors so that a reader cannot see the sequence numbers inside (their gaps would tell that events the
 * reader may not read exist between two it may). A cursor is one AES block (a fixed tag and the number) under a key
 * derived from the server secret: the same position always gives the same cursor, and a block that does not open to
 * the tag is not a cursor of this feed. The earlier plain form ({@code e:<seq>} in base64url) is still read, so that
 * a tool keeps its place across the upgrade; only up to the end of the feed at the upgrade (past it, one could only
 * have been written by hand to probe positions).
 */
@ApplicationScoped
class FeedCursors {

    private static final byte[] TAG = "atsfeed1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    FeedCursors(ServerSecret secret) {
        this.key = new SecretKeySpec(secret.derive("ats feed cursor v1"), "AES");
    }

    String encode(FeedCursor cursor) {
        byte[] block = ByteBuffer.allocate(16).put(TAG).putLong(cursor.seq()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cipher(Cipher.ENCRYPT_MODE, block));
    }

    FeedCursor decode(String token) {
        if (token == null || token.isBlank()) {
            return FeedCursor.START;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            if (raw.length == 16) {
                ByteBuffer block = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, raw));
                byte[] tag = new byte[TAG.length];
                block.get(tag);
                long seq = block.getLong();
                if (Arrays.equals(tag, TAG) && seq >= 0) {
                    return new FeedCursor(seq);
                }
            }
            String plain = new String(raw, StandardCharsets.UTF_8);
            if (plain.startsWith("e:")) {
                long seq = Long.parseLong(plain.substring(2));
                if (seq >= 0) {
                    return new FeedCursor(seq, true);
                }
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new ApiException(
                ProblemType.MALFORMED_REQUEST,
                "The cursor is not one this feed made: use the `next` of the previous page, or none to start");
    }

    /** One block, no padding, no chaining: a keyed permutation of the 16 bytes. */
    private byte[] cipher(int mode, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, key);
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }
}
