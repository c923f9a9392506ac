package dev.multisession.runtime.transport.websocket;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Writes the text frames of one WebSocket connection, each a whole message. A frame sent with
 * {@code more} may be held back and written together with the frames that follow it (in one
 * socket write instead of one each); the first frame sent without it writes everything held.
 * Each frame stays a frame of its own on the wire: only the writes are fewer.
 */
@FunctionalInterface
interface TextFrames {

    /**
     * @param more whether another frame follows at once; the last frame of a run must say false,
     *             or what was held back waits for the next write
     */
    void send(String text, boolean more, Callback callback);

    /**
     * The frames of {@code session}: through Jetty's batching when it is Jetty's own session
     * (frames with {@code more} go to the connection's output buffer, the next frame without it
     * flushes the buffer), else one {@link Session#sendText} per frame.
     */
    static TextFrames of(Session session) {
        if (session instanceof WebSocketSession jetty) {
            CoreSession core = jetty.getCoreSession();
            return (text, more, callback) -> core.sendFrame(new Frame(OpCode.TEXT).setPayload(text),
                    org.eclipse.jetty.util.Callback.from(callback::succeed, callback::fail), more);
        }
        return (text, more, callback) -> session.sendText(text, callback);
    }
}
