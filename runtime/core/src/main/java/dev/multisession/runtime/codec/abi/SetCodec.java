package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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
        return array.readInto(node, key, SetCodec::newSet);
    }

    /** {@inheritDoc} The node is read into a new set only when it does not hold the current one ({@link ArrayCodec#readOver}). */
    @Override
    public Set<E> apply(JsonNode data, String key, Set<E> current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : ValueChanges.changed(readOver(node, key, current), current, this, key, changed);
    }

    /** {@inheritDoc} The node is read into a new set only when it does not hold the current one ({@link ArrayCodec#readOver}). */
    @Override
    public void applyWith(JsonNode data, String key, Set<E> current, Consumer<? super Set<E>> setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            ValueChanges.set(readOver(node, key, current), current, this, setter, key, changed);
        }
    }

    private Set<E> readOver(JsonNode node, String key, Set<E> current) {
        return array.readOver(node, key, current, SetCodec::newSet);
    }

    private static <E> Set<E> newSet(int size) {
        return new LinkedHashSet<>(Capacities.forEntries(size));
    }

    /** Never an array: {@code equals}, without the array checks of the default's {@code deepEquals}. */
    @Override
    public boolean same(Set<E> a, Set<E> b) {
        return Objects.equals(a, b);
    }
}
