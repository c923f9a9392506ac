package dev.multisession.runtime.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.ConnectionStatus;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The picture of a hub node the admin page shows, as JSON: per session its run and sequence,
 * its terminals (online or not, user, last seen, lag, pending mutations), its latest conflicts
 * and refusals, and its open orders with who created and last changed them. The orders and the
 * head are read as last committed ({@link dev.multisession.runtime.hub.spi.HubStore#readCommitted}),
 * without the session's lock, so the page never holds up the terminals' transactions.
 */
final class AdminState {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Hub hub;
    private final TerminalActivity activity;
    private final String node;
    private final Clock clock;

    AdminState(Hub hub, TerminalActivity activity, String node, Clock clock) {
        this.hub = hub;
        this.activity = activity;
        this.node = node;
        this.clock = clock;
    }

    ObjectNode snapshot() {
        TreeSet<String> sessions = new TreeSet<>(hub.sessions());
        List<TerminalActivity.Seen> seen = activity.terminals();
        seen.forEach(terminal -> sessions.add(terminal.session()));
        Map<String, ConnectionStatus> online = new TreeMap<>();
        for (ConnectionStatus status : hub.connections()) {
            online.put(status.session() + "\u0000" + status.terminal(), status);
        }
        ObjectNode root = JSON.objectNode();
        root.put("node", node);
        root.put("time", clock.instant().toString());
        ArrayNode list = root.putArray("sessions");
        for (String session : sessions) {
            list.add(session(session, seen, online));
        }
        return root;
    }

    private ObjectNode session(String session, List<TerminalActivity.Seen> seen, Map<String, ConnectionStatus> online) {
        // a terminal seen here whose session was never committed shows as new
        CommittedSession read = hub.config().store().readCommitted(session)
                .orElse(new CommittedSession(SessionHead.NEW, List.of()));
        ObjectNode json = JSON.objectNode();
        json.put("session", session);
        json.put("runId", read.head().runId());
        json.put("seq", read.head().seq());
        ArrayNode terminals = json.putArray("terminals");
        for (TerminalActivity.Seen terminal : seen) {
            if (!terminal.session().equals(session)) {
                continue;
            }
            ConnectionStatus status = online.get(session + "\u0000" + terminal.terminal());
            ObjectNode row = terminals.addObject();
            row.put("terminal", terminal.terminal());
            row.put("online", terminal.connections() > 0);
            row.put("user", status != null && status.user() != null ? status.user() : terminal.user());
            row.put("lastSeen", terminal.lastSeen().toString());
            if (status != null) {
                row.put("seq", status.sentSeq());
                row.put("lag", Math.max(0, read.head().seq() - status.sentSeq()));
                row.put("pending", status.queuedMutations());
            } else {
                row.putNull("seq");
                row.putNull("lag");
                row.putNull("pending");
            }
        }
        ArrayNode incidents = json.putArray("incidents");
        for (TerminalActivity.Incident incident : activity.incidents(session)) {
            ObjectNode row = incidents.addObject();
            row.put("at", incident.at().toString());
            row.put("terminal", incident.terminal());
            row.put("kind", incident.kind());
            row.put("reason", incident.reason());
            row.put("message", incident.message());
        }
        ArrayNode orders = json.putArray("orders");
        for (StoredOrder order : read.openOrders()) {
            ObjectNode row = orders.addObject();
            row.put("uid", order.uid());
            row.put("number", order.number());
            row.put("revision", order.revision());
            row.set("created", who(order.info().get("created")));
            row.set("changed", who(order.info().get("changed")));
            row.set("data", order.data());
        }
        return json;
    }

    private static JsonNode who(JsonNode node) {
        return node == null ? JSON.nullNode() : node;
    }
}
