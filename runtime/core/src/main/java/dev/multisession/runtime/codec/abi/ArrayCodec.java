package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/** A list as a JSON array; read back as a mutable {@link ArrayList}. */
final class ArrayCodec<E> implements ValueCodec<List<E>> {

    private final ValueCodec<E> element;
    private final boolean set;

    /** @param set whether the array holds a set, which the error message then says */
    ArrayCodec(ValueCodec<E> element, boolean set) {
        this.element = Objects.requireNonNull(element, "element");
        this.set = set;
    }

    @Override
    public JsonNode toJson(List<E> value) {
        return writeAll(value);
    }

    @Override
    public List<E> fromJson(JsonNode node, String key) {
        return readInto(node, key, ArrayList::new);
    }

    /** Never an array: {@code equals}, without the array checks of the default's {@code deepEquals}. */
    @Override
    public boolean same(List<E> a, List<E> b) {
        return Objects.equals(a, b);
    }

    /** The elements in iteration order as a JSON array; null as JSON null. */
    JsonNode writeAll(Collection<E> value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(value.size());
        for (E e : value) {
            array.add(element.toJson(e));
        }
        return array;
    }

    /** Reads the array's elements into a collection {@code factory} makes for its size; null for JSON null. */
    <C extends Collection<E>> C readInto(JsonNode node, String key, IntFunction<C> factory) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ValueErrors.wrongType(key, set ? "an array (of a set)" : "an array", node);
        }
        C values = factory.apply(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(readElement(node.get(i), key, i));
        }
        return values;
    }

    /**
     * One element. Its path ({@code key[i]}) is only put together when the element cannot be
     * read: building it for every element of every call cost more than reading the element.
     * The index goes into the error, not into a second read: nested collections would read a
     * failing element twice per level.
     */
    private E readElement(JsonNode item, String key, int index) {
        try {
            return element.fromJson(item, key);
        } catch (ValueError e) {
            throw e.within(key, "[" + index + "]");
        }
    }
}
