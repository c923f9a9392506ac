package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A set as a JSON array in iteration order; read back as a mutable {@link LinkedHashSet}. */
final class SetCodec<E> implements ValueCodec<Set<E>> {

    private final ArrayCodec<E> array;

    SetCodec(ValueCodec<E> element) {
        this.array = new ArrayCodec<>(element, true);
    }

    @Override
    public JsonNode toJson(Set<E> value) {
        return array.toJson(value == null ? null : new ArrayList<>(value));
    }

    @Override
    public Set<E> fromJson(JsonNode node, String key) {
        List<E> list = array.fromJson(node, key);
        return list == null ? null : new LinkedHashSet<>(list);
    }
}
