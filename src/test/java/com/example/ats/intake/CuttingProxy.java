package com.example.ats.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the real MinIO that can fail like a network does: after a budget of bytes towards the
 * store it cuts every connection and refuses new ones, until healed. Not a fake store: every byte that gets through
 * goes to MinIO.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final long UNLIMITED = Long.MAX_VALUE;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong budget = new AtomicLong(UNLIMITED);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public CuttingProxy(URI target) {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.targetHost = target.getHost();
        this.targetPort = target.getPort();
        Thread.ofPlatform().daemon().name("cutting-proxy").start(this::accept);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, let this many bytes through towards the store, then cut everything. */
    public void cutAfter(long bytes) {
        budget.set(bytes);
    }

    public void heal() {
        budget.set(UNLIMITED);
    }

    private boolean broken() {
        return budget.get() <= 0;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (broken()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsStore) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (towardsStore && budget.get() != UNLIMITED && budget.addAndGet(-n) < 0) {
                    cutAll();
                    return;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void cutAll() {
        open.forEach(CuttingProxy::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
