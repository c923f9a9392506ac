package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.multisession.runtime.codec.DataBinding;
import java.util.Objects;

/** Any other type, through Jackson data binding with the {@link DataBinding shared mapper}. */
final class BoundCodec<V> implements ValueCodec<V> {

    private final JavaType type;

    BoundCodec(JavaType type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public JsonNode toJson(V value) {
        return value == null ? NullNode.getInstance() : DataBinding.mapper().valueToTree(value);
    }

    @Override
    public V fromJson(JsonNode node, String key) {
        if (node.isNull()) {
            return null;
        }
        try {
            return DataBinding.mapper().treeToValue(node, type);
        } catch (Exception e) {
            throw ValueErrors.invalid(key, "cannot be read as " + type.toCanonical() + ": " + e.getMessage(), e);
        }
    }
}
