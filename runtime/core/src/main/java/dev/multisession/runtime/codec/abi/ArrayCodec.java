package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
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

    /** {@inheritDoc} The node is read into a new list only when it does not hold the current one ({@link #readOver}). */
    @Override
    public List<E> apply(JsonNode data, String key, List<E> current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : ValueChanges.changed(readOver(node, key, current, ArrayList::new), current,
                this, key, changed);
    }

    /** {@inheritDoc} The node is read into a new list only when it does not hold the current one ({@link #readOver}). */
    @Override
    public void applyWith(JsonNode data, String key, List<E> current, Consumer<? super List<E>> setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            ValueChanges.set(readOver(node, key, current, ArrayList::new), current, this, setter, key, changed);
        }
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
     * {@code current} itself when the array has its elements in its iteration order, each read
     * equal to the one held (so that the collection read from it would be equal); otherwise the
     * collection read from the array, as {@link #readInto} reads it. Each element is read once
     * while it matches, with no collection made: an update sends the model's every collection, and
     * most are unchanged. Elements held in another order (a {@code HashSet}'s) are read whole.
     */
    <C extends Collection<E>> C readOver(JsonNode node, String key, C current, IntFunction<C> factory) {
        if (current == null || !node.isArray() || node.size() != current.size()) {
            return readInto(node, key, factory);
        }
        int i = 0;
        for (E held : current) {
            if (!Objects.equals(readElement(node.get(i), key, i), held)) {
                return readInto(node, key, factory);
            }
            i++;
        }
        return current;
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
