package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A set as a JSON array in iteration order; read back as a mutable {@link LinkedHashSet}. */
final class SetCodec<E> implements ValueCodec<Set<E>> {

    private final ArrayCodec<E> array;

    SetCodec(ValueCodec<E> element) {
        this.array = new ArrayCodec<>(element, true);
    }

    @Override
    public JsonNode toJson(Set<E> value) {
        return array.writeAll(value);
    }

    @Override
    public Set<E> fromJson(JsonNode node, String key) {
        return array.readInto(node, key, size -> new LinkedHashSet<>(Capacities.forEntries(size)));
    }

    /** Never an array: {@code equals}, without the array checks of the default's {@code deepEquals}. */
    @Override
    public boolean same(Set<E> a, Set<E> b) {
        return Objects.equals(a, b);
    }
}
