package io.missive.gateway.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed address in front of a broker whose own port changes from one start to the next (the KRaft
 * test kit binds its listener itself). Clients keep the fixed address, as they would a broker's DNS
 * name; when no broker is behind it, connections are refused exactly as by a stopped broker.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int backendPort = -1;

    TcpForwarder() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("tcp-forwarder").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends new connections to this broker port; -1 for none (and drops every open connection). */
    void forwardTo(int port) {
        backendPort = port;
        if (port < 0) {
            open.forEach(TcpForwarder::closeQuietly);
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                int port = backendPort;
                if (port < 0) {
                    closeQuietly(client);
                    continue;
                }
                Socket backend;
                try {
                    backend = new Socket(InetAddress.getLoopbackAddress(), port);
                } catch (IOException refused) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(backend);
                Thread.ofVirtual().start(() -> pipe(client, backend));
                Thread.ofVirtual().start(() -> pipe(backend, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        forwardTo(-1);
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
