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
 * @param subtypes for a polymorphic model, the model each type name of its type key ({@value #TYPE_KEY})
 *     stands for, this model's own name among them when it is concrete; empty for other models
 */
public record ModelSchema(String name, Optional<String> idKey, Map<String, FieldSchema> fields,
        Map<String, String> subtypes) {

    /** The member of a polymorphic model's objects that names their subtype. */
    public static final String TYPE_KEY = "@type";

    public ModelSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idKey, "idKey");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        subtypes = Collections.unmodifiableMap(new LinkedHashMap<>(subtypes));
        if (idKey.isPresent() && (fields.get(idKey.get()) == null || !fields.get(idKey.get()).id())) {
            throw new IllegalArgumentException("model " + name + " names id \"" + idKey.get()
                    + "\" but has no such id field");
        }
    }

    /** A model that is not polymorphic. */
    public ModelSchema(String name, Optional<String> idKey, Map<String, FieldSchema> fields) {
        this(name, idKey, fields, Map.of());
    }

    /** Whether objects of this model carry a type key naming one of {@link #subtypes()}. */
    public boolean polymorphic() {
        return !subtypes.isEmpty();
    }
}
