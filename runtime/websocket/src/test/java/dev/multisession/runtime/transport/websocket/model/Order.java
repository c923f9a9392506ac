package dev.multisession.runtime.transport.websocket.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.List;

/** A restaurant order for the end-to-end tests over WebSocket. */
public class Order {
    @MultiSessionId public String uid;
    @MultiSessionField("table_id") public String table;
    @MultiSessionField public int guests;
    @MultiSessionField public String note;
    @MultiSessionField public List<Orderline> lines = new ArrayList<>();

    /** The line with this uid, or null. */
    public Orderline line(String lineUid) {
        for (Orderline line : lines) {
            if (line.uid.equals(lineUid)) {
                return line;
            }
        }
        return null;
    }
}
