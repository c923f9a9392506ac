package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An enum constant by its {@link Enum#name() name}, never its {@code toString()}. */
final class EnumCodec<E extends Enum<E>> implements ValueCodec<E> {

    private final Class<E> type;

    EnumCodec(Class<E> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public JsonNode toJson(E value) {
        return ValueWrites.enumNode(value);
    }

    @Override
    public E fromJson(JsonNode node, String key) {
        return ValueReads.readEnum(node, key, type);
    }

    @Override
    public boolean same(E a, E b) {
        return a == b;
    }
}
