package dev.multisession.runtime.transport.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback whose open connections can be frozen: bytes stop flowing both ways
 * but the sockets stay open, which is how a pulled cable or a dead NAT entry looks to a
 * client. Connections made after a freeze flow normally.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    FreezingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "freezing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Stops forwarding on every connection open now. */
    void freezeOpenConnections() {
        for (Pipe pipe : pipes) {
            pipe.frozen = true;
        }
    }

    /** Closes every open connection and closes new ones at once, as a server that went down. */
    void cut() {
        refusing = true;
        for (Pipe pipe : pipes) {
            pipe.close();
        }
        pipes.clear();
    }

    /** New connections flow again after {@link #cut}. */
    void restore() {
        refusing = false;
    }

    /** How many connections were closed at once while cut. */
    int refusedConnections() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Pipe pipe : pipes) {
            pipe.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    refused.incrementAndGet();
                    client.close();
                    continue;
                }
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Pipe pipe = new Pipe(client, target);
                pipes.add(pipe);
                pipe.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static final class Pipe {
        private final Socket client;
        private final Socket target;
        private volatile boolean frozen;

        Pipe(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void start() throws IOException {
            pump(client.getInputStream(), target.getOutputStream());
            pump(target.getInputStream(), client.getOutputStream());
        }

        private void pump(InputStream in, OutputStream out) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        while (frozen) {
                            Thread.sleep(50);
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // The connection ended.
                } finally {
                    close();
                }
            }, "freezing-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                target.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
