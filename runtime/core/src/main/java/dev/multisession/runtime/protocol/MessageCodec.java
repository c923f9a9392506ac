package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encodes protocol messages as JSON text and decodes them strictly: a missing member, a
 * member of the wrong JSON type, an unknown {@code type} or a value that breaks a message's
 * rules is a {@link ProtocolException}, never a half-read message. Unknown members are
 * ignored so that newer peers can add some; members the protocol added later may be left out
 * ({@link OptionalMembers}). Thread-safe.
 */
public final class MessageCodec {

    private static final MessageCodec INSTANCE = new MessageCodec();
    /**
     * Slots of {@link #recentEvents}: a power of two, a few times the events of a batch (256
     * mutations), so that few of them share a slot; at most this many events are kept.
     */
    private static final int RECENT_EVENTS = 1024;
    /**
     * Longest text kept for reuse, in chars. A message may be up to a mebibyte, and the slots
     * hold on to what they keep for good: this bounds them to a few tens of megabytes however
     * large the events a peer makes the hub write. Longer events are encoded per use.
     */
    static final int LONGEST_REUSED_TEXT = 16 * 1024;

    private final ObjectMapper mapper;
    private final ObjectReader clientReader;
    private final ObjectReader hubReader;
    private final ObjectReader opReader;
    private final ObjectWriter writer;
    /**
     * The texts of the events encoded last, each in the slot of its identity hash. The hub
     * encodes an event for its log and then for every connection of its session, on whichever
     * thread; the first text serves the others. An event is immutable once made, so the text
     * found for the same object is still its text. A plain array: an entry's fields are final,
     * so a thread sees a whole entry or an older one (then it encodes the event itself).
     */
    private final EncodedEvent[] recentEvents = new EncodedEvent[RECENT_EVENTS];
    /**
     * The texts of the events held ({@link #hold}), by the events' identity. Unlike the recent
     * events, whose slots the events of a thousand sessions committed together share, a held
     * text stays until it is released.
     */
    private final Map<Identity, String> heldEvents = new ConcurrentHashMap<>();

    private MessageCodec() {
        JsonMapper jsonMapper = JsonMappers.protocol();
        this.mapper = jsonMapper;
        this.clientReader = jsonMapper.readerFor(ClientMessage.class);
        this.hubReader = jsonMapper.readerFor(HubMessage.class);
        this.opReader = jsonMapper.readerFor(Op.class);
        this.writer = jsonMapper.writer();
    }

    /** The shared instance. */
    public static MessageCodec instance() {
        return INSTANCE;
    }

    /** The message as one line of JSON; the same event object gets the same text without being encoded again. */
    public String encode(Message message) {
        if (!(message instanceof HubMessage.Event event)) {
            return write(message);
        }
        if (!heldEvents.isEmpty()) {
            String held = heldEvents.get(new Identity(event));
            if (held != null) {
                return held;
            }
        }
        int slot = System.identityHashCode(event) & (RECENT_EVENTS - 1);
        EncodedEvent recent = recentEvents[slot];
        if (recent != null && recent.event() == event) {
            return recent.text();
        }
        String text = write(event);
        if (text.length() <= LONGEST_REUSED_TEXT) {
            recentEvents[slot] = new EncodedEvent(event, text);
        }
        return text;
    }

    /**
     * Encodes {@code event} and keeps its text until {@link #release}: meanwhile every {@link
     * #encode} of this same object, on any thread, returns that text. The hub holds each batch's
     * events from its decision until it has handed them to every connection, so the log and the
     * connections get the text encoded once, however many sessions commit together.
     */
    public String hold(HubMessage.Event event) {
        String text = encode(event);
        heldEvents.put(new Identity(event), text);
        return text;
    }

    /** Stops keeping the text of {@code event} for {@link #encode}; nothing happens if it was not held. */
    public void release(HubMessage.Event event) {
        heldEvents.remove(new Identity(event));
    }

    /**
     * How many events have their texts held now ({@link #hold}), by every hub in this JVM (the codec
     * is shared); zero whenever none of them has a batch under way.
     */
    public int heldEvents() {
        return heldEvents.size();
    }

    private String write(Message message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.type() + " message", e);
        }
    }

    private record EncodedEvent(HubMessage.Event event, String text) {}

    /** An event as a key by identity: equal events made apart are different events to send. */
    private static final class Identity {
        private final Object value;

        Identity(Object value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /** The message as a JSON tree (for storing events). */
    public JsonNode toTree(Message message) {
        return mapper.valueToTree(message);
    }

    /**
     * Decodes a message sent by a terminal. The text of a mutation's operations is left to
     * {@link ValueLimits#check(java.util.List)}, which the hub runs on every mutation: it walks
     * the values once for their limits and their text alike.
     */
    public ClientMessage decodeClient(String json) throws ProtocolException {
        return fromTree(clientReader, readMessage(json, "ops", true));
    }

    /** Decodes a message sent by the hub. */
    public HubMessage decodeHub(String json) throws ProtocolException {
        return fromTree(hubReader, readMessage(json, null, false));
    }

    /** Decodes a hub message from a JSON tree (for reading stored events). */
    public HubMessage decodeHub(JsonNode json) throws ProtocolException {
        if (json instanceof ObjectNode message) {
            OptionalMembers.fill(message);
        }
        return fromTree(hubReader, json);
    }

    /** Decodes one operation from a JSON tree. */
    public Op decodeOp(JsonNode json) throws ProtocolException {
        return fromTree(opReader, json);
    }

    /** The mapper configured for protocol JSON (dates as ISO-8601, decimals exact). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Reads the text of one message: a JSON object (not an array, not null), each member once,
     * a string {@code type}, no lone UTF-16 surrogate (nor, in a message to the hub, U+0000)
     * anywhere but in the member {@code checkedElsewhere} (null: anywhere at all), within the
     * nesting limit.
     */
    private ObjectNode readMessage(String json, String checkedElsewhere, boolean toHub) throws ProtocolException {
        if (json == null || json.isBlank()) {
            throw new ProtocolException(Reason.MALFORMED, "empty message");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw DecodeFailures.of(e);
        }
        if (!(tree instanceof ObjectNode message)) {
            throw new ProtocolException(Reason.MALFORMED, "a message is one JSON object, not "
                    + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode type = message.get("type");
        if (type == null) {
            throw new ProtocolException(Reason.MALFORMED, "member \"type\" is missing");
        }
        if (!type.isTextual()) {
            throw new ProtocolException(Reason.MALFORMED, "member \"type\" must be a string");
        }
        String badText = TextChecks.badText(message, checkedElsewhere, toHub);
        if (badText != null) {
            throw new ProtocolException(Reason.MALFORMED, "text in " + badText);
        }
        OptionalMembers.fill(message);
        return message;
    }

    private static <M> M fromTree(ObjectReader reader, JsonNode json) throws ProtocolException {
        try {
            M message = reader.readValue(json);
            if (message == null) {
                throw new ProtocolException(Reason.MALFORMED, "a message is a JSON object, not null");
            }
            return message;
        } catch (java.io.IOException e) {
            throw DecodeFailures.of(e);
        }
    }
}
