package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns what Jackson reports about a message it could not read into a {@link ProtocolException}
 * in the protocol's own words: which member, and which rule ("must be an integer", "is
 * missing", "appears twice"). A client author reads these in {@code error} replies, so they
 * never quote Jackson's class names or Java types.
 */
final class DecodeFailures {

    private DecodeFailures() {}

    static ProtocolException of(IOException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            boolean operation = typeId.getBaseType() != null && typeId.getBaseType().hasRawClass(Op.class);
            String member = operation ? "op" : "type";
            return id == null
                    ? new ProtocolException(Reason.MALFORMED, at(e) + "member \"" + member + "\" is missing", e)
                    : new ProtocolException(Reason.UNKNOWN_TYPE, at(e) + "unknown " + member + " \"" + id + "\"", e);
        }
        return new ProtocolException(Reason.MALFORMED, describe(e), e);
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return at(e) + cause.getMessage(); // a rule a message record enforces, in its own words
        }
        if (e instanceof StreamConstraintsException) {
            return "nested deeper than " + JsonMappers.MAX_NESTING_DEPTH + " levels, or a number or text over the"
                    + " protocol's limits";
        }
        if (e instanceof JsonParseException parse) {
            String twice = quoted(parse.getOriginalMessage(), "Duplicate field '");
            if (twice != null) {
                return "member \"" + twice + "\" appears twice in one object";
            }
            return "not valid JSON" + location(parse.getLocation());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String missing = quoted(mismatch.getOriginalMessage(), "Missing required creator property '");
            if (missing != null) {
                return at(e) + "member \"" + missing + "\" is missing";
            }
            Class<?> target = mismatch.getTargetType();
            return at(e) + (target == null ? "has the wrong JSON type" : "must be " + jsonKind(target));
        }
        if (e instanceof JsonProcessingException processing) {
            return at(e) + "cannot be read";
        }
        return "cannot be read";
    }

    /** "member \"ops[0].delta\": " for a failure at a path, empty at the top. */
    private static String at(IOException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : "member \"" + path + "\": ";
    }

    private static String jsonKind(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class
                || type == BigInteger.class || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || type == List.class) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "an object";
        }
        return "of another JSON type";
    }

    /** The name Jackson quotes after {@code prefix} in {@code message}, or null if it says something else. */
    private static String quoted(String message, String prefix) {
        if (message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.indexOf('\'', prefix.length());
        return end < 0 ? null : message.substring(prefix.length(), end);
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getColumnNr() < 0) {
            return "";
        }
        return " (at character " + location.getColumnNr() + (location.getLineNr() > 1 ? " of line "
                + location.getLineNr() : "") + ")";
    }
}
