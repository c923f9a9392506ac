package dev.multisession.runtime.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import java.io.UncheckedIOException;

/**
 * Turns the JSON values of the hub's tables into text and back, with the protocol's own
 * mapper so that decimals stay exact and events read back exactly as they were written.
 */
final class JsonColumns {
    private static final MessageCodec CODEC = MessageCodec.instance();
    private static final ObjectMapper MAPPER = CODEC.mapper();
    /** Reads rows back with limits at least as wide as those the hub admitted them with. */
    private static final ObjectMapper ROWS = JsonMappers.storedRows();

    private JsonColumns() {}

    static String write(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON column", e);
        }
    }

    static ObjectNode readObject(String text, String column) {
        try {
            JsonNode node = ROWS.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException(column + " holds " + node.getNodeType() + ", not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column + " holds invalid JSON", e);
        }
    }

    static String writeEvent(HubMessage.Event event) {
        return CODEC.encode(event);
    }

    static HubMessage.Event readEvent(String text) {
        try {
            HubMessage message = CODEC.decodeHub(text);
            if (message instanceof HubMessage.Event event) {
                return event;
            }
            throw new IllegalStateException("log holds a " + message.type() + " message, not an event");
        } catch (ProtocolException e) {
            throw new IllegalStateException("log holds an event that no longer decodes: " + e.getMessage(), e);
        }
    }
}
