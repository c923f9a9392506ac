package dev.multisession.runtime.schema;

import dev.multisession.annotations.Merge;
import java.util.Objects;

/**
 * One synced field of a model.
 *
 * @param key the JSON key it is exported under
 * @param kind what its value is
 * @param nullable whether JSON null is a legal value (not for primitives and ids)
 * @param merge how concurrent changes are merged
 * @param id whether it is the model's {@code @MultiSessionId}
 */
public record FieldSchema(String key, ValueKind kind, boolean nullable, Merge merge, boolean id) {

    public FieldSchema {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(merge, "merge");
    }
}
