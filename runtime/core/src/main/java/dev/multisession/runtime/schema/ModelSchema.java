package dev.multisession.runtime.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model class with the synced fields of its whole hierarchy.
 *
 * @param name the model's binary class name
 * @param idKey the JSON key of its {@code @MultiSessionId}, if it has one
 * @param fields its synced fields by JSON key, in export order
 */
public record ModelSchema(String name, Optional<String> idKey, Map<String, FieldSchema> fields) {

    public ModelSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idKey, "idKey");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (idKey.isPresent() && (fields.get(idKey.get()) == null || !fields.get(idKey.get()).id())) {
            throw new IllegalArgumentException("model " + name + " names id \"" + idKey.get()
                    + "\" but has no such id field");
        }
    }
}
