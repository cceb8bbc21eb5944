package com.example.ats.shared;

import com.example.ats.work.Jobs;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one rate limiter (ADR 0024). Each {@link RateLimit} is a token bucket per key, kept in PostgreSQL by Bucket4j so
 * that every replica counts against the same bucket (N replicas do not make N times the limit). In front of it, a
 * bucket of the same size in this replica's memory refuses cheaply, without the database, once it is empty (it never
 * refuses what the shared bucket would allow: this replica's attempts are a part of all). Keys are stored as an HMAC
 * of the limit and the key under the server secret: the table holds no client address.
 */
@ApplicationScoped
public class RateLimits {

    private final Map<RateLimit, Limit> limits = new EnumMap<>(RateLimit.class);
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final ServerSecret secret;
    private final Jobs jobs;

    RateLimits(AgroalDataSource dataSource, ServerSecret secret, Jobs jobs) {
        this.secret = secret;
        this.jobs = jobs;
        var config = ConfigProvider.getConfig();
        for (RateLimit limit : RateLimit.values()) {
            limits.put(limit, new Limit(limit.capacity(config), limit.period(config)));
        }
        this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** What a limit said: allowed or not, what is left, and when to try again (seconds, at least 1). */
    public record Verdict(boolean allowed, long capacity, long remaining, long retryAfter, long reset) {}

    private record Limit(long capacity, Duration period, RateBuckets local, BucketConfiguration configuration) {
        Limit(long capacity, Duration period) {
            this(
                    capacity,
                    period,
                    new RateBuckets(capacity, period),
                    BucketConfiguration.builder()
                            .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
                            .build());
        }
    }

    /** Takes one attempt of this key. */
    public Verdict take(RateLimit limit, String key) {
        Limit sized = limits.get(limit);
        String id = id(limit, key);
        ConsumptionProbe local = sized.local().take(id);
        ConsumptionProbe probe = local.isConsumed()
                ? outsideTransaction(() -> bucket(limit, id).tryConsumeAndReturnRemaining(1))
                : local;
        return new Verdict(
                probe.isConsumed(),
                sized.capacity(),
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()),
                seconds(probe.getNanosToWaitForReset()));
    }

    /** Whether this key has an attempt left, without taking one (for limits that count failures only). */
    public boolean hasLeft(RateLimit limit, String key) {
        String id = id(limit, key);
        return limits.get(limit).local().hasLeft(id)
                && outsideTransaction(() -> bucket(limit, id).getAvailableTokens() > 0);
    }

    /** The limit's period, for a {@code Retry-After} where the wait cannot be known better. */
    public Duration period(RateLimit limit) {
        return limits.get(limit).period();
    }

    /** The 429 answer to a refusal, with its {@code Retry-After} and {@code RateLimit-*} headers. */
    public static ApiException refusal(Verdict verdict, String detail) {
        return new ApiException(ProblemType.TOO_MANY_REQUESTS, detail + "; try again in " + verdict.retryAfter() + " s")
                .withHeader("Retry-After", Long.toString(verdict.retryAfter()))
                .withHeader("RateLimit-Limit", Long.toString(verdict.capacity()))
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(verdict.reset()));
    }

    /** Buckets that are full again are forgotten. */
    @Scheduled(
            identity = "rate-limit-housekeeping",
            every = "${ats.rate-limits.housekeeping-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFullBuckets() {
        jobs.run("rate-limit-housekeeping", () -> {
            while (outsideTransaction(() -> shared.removeExpired(1_000)) == 1_000) {
                // more to forget
            }
        });
    }

    /** The bucket's key, in memory and in the table: an HMAC, so that neither holds an address. */
    private String id(RateLimit limit, String key) {
        Limit sized = limits.get(limit);
        // the settings are part of the key: a changed limit starts fresh buckets (the old ones expire)
        return HexFormat.of()
                .formatHex(secret.derive(
                        "ats rate limit v1",
                        limit.name(),
                        Long.toString(sized.capacity()),
                        sized.period().toString(),
                        key));
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(RateLimit limit, String id) {
        return shared.builder().build(id, limits.get(limit)::configuration);
    }

    /** Bucket4j commits its own JDBC transaction: never inside the caller's. */
    private static <T> T outsideTransaction(java.util.concurrent.Callable<T> call) {
        return QuarkusTransaction.suspendingExisting().call(call);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
