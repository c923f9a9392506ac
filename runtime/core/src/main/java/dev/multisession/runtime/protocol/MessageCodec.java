package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.multisession.runtime.json.JsonMappers;
import java.io.UncheckedIOException;

/**
 * Encodes protocol messages as JSON text and decodes them strictly: a missing member, a
 * member of the wrong JSON type, an unknown {@code type} or a value that breaks a message's
 * rules is a {@link ProtocolException}, never a half-read message. Unknown members are
 * ignored so that newer peers can add some. Thread-safe.
 */
public final class MessageCodec {

    private static final MessageCodec INSTANCE = new MessageCodec();

    private final ObjectMapper mapper;
    private final ObjectReader clientReader;
    private final ObjectReader hubReader;
    private final ObjectReader opReader;
    private final ObjectWriter writer;

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

    /** The message as one line of JSON. */
    public String encode(Message message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.type() + " message", e);
        }
    }

    /** The message as a JSON tree (for storing events). */
    public JsonNode toTree(Message message) {
        return mapper.valueToTree(message);
    }

    /** Decodes a message sent by a terminal. */
    public ClientMessage decodeClient(String json) throws ProtocolException {
        return decode(clientReader, json);
    }

    /** Decodes a message sent by the hub. */
    public HubMessage decodeHub(String json) throws ProtocolException {
        return decode(hubReader, json);
    }

    /** Decodes a hub message from a JSON tree (for reading stored events). */
    public HubMessage decodeHub(JsonNode json) throws ProtocolException {
        try {
            return hubReader.readValue(json);
        } catch (java.io.IOException e) {
            throw failure(e);
        }
    }

    /** Decodes one operation from a JSON tree. */
    public Op decodeOp(JsonNode json) throws ProtocolException {
        try {
            return opReader.readValue(json);
        } catch (java.io.IOException e) {
            throw failure(e);
        }
    }

    /** The mapper configured for protocol JSON (dates as ISO-8601, decimals exact). */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static <M> M decode(ObjectReader reader, String json) throws ProtocolException {
        if (json == null || json.isBlank()) {
            throw new ProtocolException(Reason.MALFORMED, "empty message");
        }
        try {
            M message = reader.readValue(json);
            if (message == null) {
                throw new ProtocolException(Reason.MALFORMED, "a message is a JSON object, not null");
            }
            return message;
        } catch (java.io.IOException e) {
            throw failure(e);
        }
    }

    private static ProtocolException failure(java.io.IOException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            return new ProtocolException(id == null ? Reason.MALFORMED : Reason.UNKNOWN_TYPE,
                    id == null ? "missing \"type\" (or \"op\") member" : "unknown type \"" + id + "\"", e);
        }
        return new ProtocolException(Reason.MALFORMED, describe(e), e);
    }

    /** Jackson's message without its source-location noise, and the cause of a rule a record enforces. */
    private static String describe(java.io.IOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        if (e instanceof JsonProcessingException processing) {
            return processing.getOriginalMessage();
        }
        return e.getMessage();
    }
}
