package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * A value written as its {@code toString()} (ISO-8601 for {@code java.time}) and read back by
 * {@link #parse}. Each constant is a subclass of its own, so that a call on it stays monomorphic.
 */
abstract class TextCodec<V> implements ValueCodec<V> {

    abstract V parse(String text);

    /** The value's text: its {@code toString()}, unless a subclass writes the same text faster. */
    String format(V value) {
        return value.toString();
    }

    @Override
    public JsonNode toJson(V value) {
        return value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(format(value));
    }

    /** Never an array: {@code equals}, without the array checks of the default's {@code deepEquals}. */
    @Override
    public boolean same(V a, V b) {
        return Objects.equals(a, b);
    }

    @Override
    public V fromJson(JsonNode node, String key) {
        String text = ValueReads.readString(node, key);
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (RuntimeException e) {
            throw ValueErrors.unreadableText(key, text, e);
        }
    }
}
