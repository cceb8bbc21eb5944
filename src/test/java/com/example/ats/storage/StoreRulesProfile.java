package com.example.ats.storage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service on a bucket of its own, with two rules the default bucket has not: the service has it encrypted at rest
 * (SSE-S3, {@code EncryptionAtRestTest}), and runs as a MinIO user that may do everything there except delete objects
 * under {@code stuck/} (a real store that answers but refuses some deletes, {@code StuckObjectTest}), made with the real
 * {@code mc} admin commands. One profile for both, so that they share one start of the service; on SeaweedFS, which
 * has no such admin API, the bucket is only encrypted (StuckObjectTest is skipped there, with the reason).
 */
public class StoreRulesProfile implements QuarkusTestProfile {

    public static final String BUCKET = "ats-test-rules";
    public static final String PREFIX = "stuck/";
    static final String USER = "ats-stuck";
    private static final String SECRET = "ats-stuck-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> encrypted = Map.of("ats.storage.encryption", "sse-s3", "ats.storage.bucket", BUCKET);
        if (StoreUnderTest.seaweedfs()) {
            return encrypted;
        }
        try {
            Path config = Files.createTempDirectory("ats-mc");
            Path policy = config.resolve("deny-stuck.json");
            Files.writeString(policy, """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::*"]},
                      {"Effect": "Deny", "Action": ["s3:DeleteObject"], "Resource": ["arn:aws:s3:::%s/%s*"]}
                    ]}
                    """.formatted(BUCKET, PREFIX));
            mc(config, true, "alias", "set", "ats", endpoint(), accessKey(), secretKey());
            mc(config, true, "admin", "user", "add", "ats", USER, SECRET);
            // creating a policy that exists replaces it (an earlier run's may name another bucket)
            mc(config, true, "admin", "policy", "create", "ats", "ats-deny-stuck", policy.toString());
            mc(config, false, "admin", "policy", "attach", "ats", "ats-deny-stuck", "--user", USER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> overrides = new java.util.HashMap<>(encrypted);
        overrides.put("ats.storage.access-key", USER);
        overrides.put("ats.storage.secret-key", SECRET);
        return overrides;
    }

    private static void mc(Path config, boolean mustSucceed, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getenv().getOrDefault("ATS_MC", "mc"));
        command.add("--config-dir");
        command.add(config.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            int exit = process.waitFor();
            // attaching a policy that is attached already fails; that is the state we want
            if (exit != 0 && (mustSucceed || !output.contains("already"))) {
                throw new IllegalStateException("mc " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String endpoint() {
        return System.getenv().getOrDefault("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000");
    }

    private static String accessKey() {
        return System.getenv().getOrDefault("ATS_STORAGE_ACCESS_KEY", "ats-minio");
    }

    private static String secretKey() {
        return System.getenv().getOrDefault("ATS_STORAGE_SECRET_KEY", "ats-minio-secret");
    }
}
