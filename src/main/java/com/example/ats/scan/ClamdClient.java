package com.example.ats.scan;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ClamAV's daemon over TCP (clamd(8)): {@code zINSTREAM} streams a file in length-prefixed chunks and answers
 * {@code stream: OK} or {@code stream: <signature> FOUND}. Every call ends by its timeout, connecting, writing and
 * reading included: a watchdog closes the socket when the time is up, since a socket's own read timeout does not
 * bound a write that clamd stopped reading (ADR 0015 says why this is not a library).
 */
public class ClamdClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "clamd-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true); // a finished call leaves nothing queued
        return executor;
    }

    /** The content could not be read (a stalled or broken store, a deleted file): not clamd's failure. */
    public static class ContentUnreadableException extends RuntimeException {
        ContentUnreadableException(IOException cause) {
            super("the content to scan could not be read: " + cause.getClass().getSimpleName(), cause);
        }
    }

    private final InetSocketAddress address;
    private final Duration connectTimeout;

    public ClamdClient(String host, int port, Duration connectTimeout) {
        this.address = InetSocketAddress.createUnresolved(host, port);
        this.connectTimeout = connectTimeout;
    }

    /** clamd's verdict on one stream: a signature's name when it found one, else null. */
    public record Verdict(String signature) {
        public boolean infected() {
            return signature != null;
        }
    }

    /** The engine and signature database version, e.g. {@code ClamAV 1.4.6/27845/Wed Nov 25 09:12:00 2026}. */
    public String version(Duration timeout) {
        return call(timeout, null, socket -> {
            socket.getOutputStream().write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readReply(socket.getInputStream());
        });
    }

    /**
     * Streams the content to clamd and returns its verdict. The content is read once; it is closed only when the time
     * runs out (a stalled read ends with the call), else left to the caller.
     */
    public Verdict scan(InputStream content, Duration timeout) {
        String reply = call(timeout, content, socket -> {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), CHUNK + 4);
            try {
                out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[CHUNK];
                int n;
                while ((n = read(content, chunk)) > 0) {
                    writeLength(out, n);
                    out.write(chunk, 0, n);
                }
                writeLength(out, 0);
                out.flush();
            } catch (IOException e) {
                // clamd closes the stream early when it refuses it (too long): its reply says why
                String early = tryReadReply(socket);
                if (early == null) {
                    throw e;
                }
                return early;
            }
            return readReply(socket.getInputStream());
        });
        return parse(reply);
    }

    static Verdict parse(String reply) {
        if (reply.equals("stream: OK")) {
            return new Verdict(null);
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND") && reply.length() > "stream:  FOUND".length()) {
            return new Verdict(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        throw new ScannerUnavailableException("clamd did not scan the file: " + reply);
    }

    private interface Exchange<T> {
        T run(Socket socket) throws IOException;
    }

    private static int read(InputStream content, byte[] chunk) {
        try {
            return content.readNBytes(chunk, 0, chunk.length);
        } catch (IOException e) {
            throw new ContentUnreadableException(e);
        }
    }

    private <T> T call(Duration timeout, Closeable content, Exchange<T> exchange) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket socket = new Socket();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(
                () -> {
                    closeQuietly(socket);
                    closeQuietly(content);
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try (socket) {
            InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            socket.connect(resolved, millis(Math.min(connectTimeout.toNanos(), deadline - System.nanoTime())));
            socket.setSoTimeout(millis(deadline - System.nanoTime()));
            return exchange.run(socket);
        } catch (IOException e) {
            boolean late = System.nanoTime() - deadline >= 0;
            throw new ScannerUnavailableException(
                    late
                            ? "clamd at " + address + " did not answer within " + timeout.toMillis() + " ms"
                            : "clamd at " + address + " could not be reached: "
                                    + e.getClass().getSimpleName(),
                    e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    private static void writeLength(OutputStream out, int length) throws IOException {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    /** A reply ends with a NUL (the z-prefixed commands) or with the connection. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        if (reply.size() == 0) {
            throw new IOException("clamd closed the connection without a reply");
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

    private static String tryReadReply(Socket socket) {
        try {
            return readReply(socket.getInputStream());
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing to end a call that ran out of time
        }
    }
}
