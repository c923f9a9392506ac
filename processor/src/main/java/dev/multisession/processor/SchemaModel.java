package dev.multisession.processor;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of a root model as the processor read it from the elements: every model it reaches
 * (its own class hierarchy, nested models, elements of model collections) with every synced field's
 * JSON key, value kind, nullability and merge rule. {@link SchemaWriter} turns it into the JSON
 * Schema resource; nothing here knows JSON.
 *
 * @param root the binary name of the root model
 * @param models every model the root reaches, by binary name, the root first
 */
record SchemaModel(String root, Map<String, ModelDef> models) {

    /**
     * One model class with the synced fields of its whole hierarchy, superclasses' first.
     *
     * @param name the model's binary name
     * @param idKey the JSON key of its {@code @MultiSessionId}, if it has one
     * @param fields its synced fields in export order
     * @param subtypes for a polymorphic model ({@code @MultiSessionSubtypes}), the models each type name
     *     stands for (the model itself among them when it is concrete); empty otherwise
     */
    record ModelDef(String name, Optional<String> idKey, List<FieldDef> fields, Map<String, String> subtypes) {

        ModelDef(String name, Optional<String> idKey, List<FieldDef> fields) {
            this(name, idKey, fields, Map.of());
        }
    }

    /**
     * One synced field.
     *
     * @param jsonKey the key it is exported under
     * @param kind what its value is
     * @param nullable whether JSON null is a legal value (false for primitives and ids)
     * @param merge the {@code Merge} constant's name
     * @param id whether it is the model's {@code @MultiSessionId}
     */
    record FieldDef(String jsonKey, Kind kind, boolean nullable, String merge, boolean id) {}

    /**
     * What a value is. Sealed so that a new kind (a per-element merged map, a polymorphic model
     * with a type key) is one more record the writer's switch must handle.
     */
    sealed interface Kind {}

    /** An integral number; bounds are null for {@code BigInteger}. */
    record IntegerKind(String javaType, BigInteger minimum, BigInteger maximum) implements Kind {}

    /** An exact decimal ({@code BigDecimal}). */
    record DecimalKind() implements Kind {}

    /** A binary floating point number ({@code float}, {@code double}). */
    record FloatingKind(String javaType) implements Kind {}

    /** A string; {@code maxLength} is 1 for a {@code char}, else null. */
    record TextKind(String javaType, Integer maxLength) implements Kind {}

    /** {@code true} or {@code false}. */
    record BooleanKind() implements Kind {}

    /** An enum written by constant name. */
    record EnumKind(String javaType, List<String> constants) implements Kind {}

    /**
     * A value written as a string in a fixed syntax: a UUID or a {@code java.time} value.
     *
     * @param name the kind's name in the schema ({@code uuid}, {@code instant}, {@code local-date} …)
     * @param javaType the Java type
     * @param format the JSON Schema {@code format} that matches it, or null if none does
     */
    record FormattedKind(String name, String javaType, String format) implements Kind {}

    /** A list of values. */
    record ListKind(Kind element) implements Kind {}

    /** A set of values, written as an array. */
    record SetKind(Kind element) implements Kind {}

    /** A {@code Map<String, V>}, written as an object. */
    record MapKind(Kind value) implements Kind {}

    /** A nested model, by binary name. */
    record ModelKind(String model) implements Kind {}

    /** A list or set of models; elements are matched by {@code idKey} when the element model has one. */
    record ModelCollectionKind(String model, boolean set, Optional<String> idKey) implements Kind {}

    /** Any other type: written by Jackson data binding, so the schema says nothing of its shape. */
    record BoundKind(String javaType) implements Kind {}
}
