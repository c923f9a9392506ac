package dev.multisession.runtime.transport.websocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for hub processes that a test starts on loopback and restarts on the same address. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free on the loopback address a moment ago. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
