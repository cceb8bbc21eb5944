package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cuts off an intake body that arrives too late (past the upload deadline) or too slowly (under the minimum rate,
 * after a grace), whatever its reads are doing: a timer checks each body every second and hangs up on its sender,
 * which ends a read that waits for bytes that do not come. Without it, a few dozen connections sending a byte now
 * and then hold every intake slot. Real time, not the service's clock: it is about sockets, not rules.
 */
@ApplicationScoped
class SlowBodies {

    private static final long CHECK_MILLIS = 1000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ats-slow-bodies");
        thread.setDaemon(true);
        return thread;
    });
    private final long deadlineNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;

    SlowBodies(IntakeConfig config) {
        this.deadlineNanos = config.uploadDeadline().toNanos();
        this.graceNanos = config.minUploadRateGrace().toNanos();
        this.minBytesPerSecond = config.minUploadRate().asLongValue();
    }

    /** The body, watched until the returned stream is closed. */
    Watched watch(InputStream body, Sender sender) {
        return new Watched(body, sender);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** A body under watch: counts its bytes, and once cut off refuses every further read with a 400. */
    final class Watched extends FilterInputStream {

        private final Sender sender;
        private final long startedAt = System.nanoTime();
        private final AtomicLong bytes = new AtomicLong();
        private final ScheduledFuture<?> check;
        private volatile String cutOff;

        private Watched(InputStream body, Sender sender) {
            super(body);
            this.sender = sender;
            this.check = timer.scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public int read() throws IOException {
            refuseIfCutOff();
            int b = super.read();
            if (b >= 0) {
                bytes.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseIfCutOff();
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                bytes.addAndGet(read);
            }
            refuseIfCutOff(); // a read ended by the hang-up returns what it had, or nothing: it is refused all the same
            return read;
        }

        /** Stops the watch; the body's own stream is the caller's. */
        @Override
        public void close() {
            check.cancel(false);
        }

        private void check() {
            long elapsed = System.nanoTime() - startedAt;
            if (elapsed > deadlineNanos) {
                cutOff("The request was not sent completely in the time allowed");
            } else if (elapsed > graceNanos && bytes.get() * 1_000_000_000L < minBytesPerSecond * elapsed) {
                cutOff("The request was sent too slowly: at least " + minBytesPerSecond + " bytes a second are needed");
            }
        }

        private void cutOff(String why) {
            if (cutOff != null) {
                return;
            }
            cutOff = why;
            check.cancel(false);
            Log.infof("Intake body cut off after %d bytes: %s", bytes.get(), why);
            try {
                sender.hangUp().run();
            } catch (RuntimeException e) {
                Log.debugf("Hanging up failed: %s", e.getClass().getSimpleName());
            }
        }

        private void refuseIfCutOff() {
            String why = cutOff;
            if (why != null) {
                throw new ApiException(ProblemType.MALFORMED_REQUEST, why);
            }
        }
    }
}
