package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        if (value == null) {
            return NullNode.getInstance();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(value.size());
        for (E e : value) {
            array.add(element.toJson(e));
        }
        return array;
    }

    @Override
    public List<E> fromJson(JsonNode node, String key) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ValueErrors.wrongType(key, set ? "an array (of a set)" : "an array", node);
        }
        List<E> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            list.add(element.fromJson(node.get(i), key + "[" + i + "]"));
        }
        return list;
    }
}
