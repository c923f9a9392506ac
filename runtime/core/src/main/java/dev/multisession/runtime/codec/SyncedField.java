package dev.multisession.runtime.codec;

import dev.multisession.annotations.Merge;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync runtime needs to know about one synced field to diff and merge it.
 *
 * @param jsonKey the key under which the field is exported
 * @param merge how concurrent changes are merged ({@link Merge#COUNTER} only on numbers)
 * @param shape how the value is laid out in JSON
 * @param elementCodec for {@link FieldShape#MODEL} the nested model's codec, for
 *     {@link FieldShape#MODEL_COLLECTION} the element codec; {@code null} otherwise
 */
public record SyncedField(String jsonKey, Merge merge, FieldShape shape, MultiSessionCodec<?> elementCodec) {

    public SyncedField {
        Objects.requireNonNull(jsonKey, "jsonKey");
        Objects.requireNonNull(merge, "merge");
        Objects.requireNonNull(shape, "shape");
        boolean nested = shape == FieldShape.MODEL || shape == FieldShape.MODEL_COLLECTION;
        if (nested != (elementCodec != null)) {
            throw new IllegalArgumentException("field '" + jsonKey + "' of shape " + shape
                    + (nested ? " needs" : " takes no") + " element codec");
        }
    }

    /** A value merged whole (scalar, list of values, or a Jackson-bound object). */
    public static SyncedField value(String jsonKey, Merge merge) {
        return new SyncedField(jsonKey, merge, FieldShape.VALUE, null);
    }

    /**
     * A {@code Map<String, V>} of values, merged key by key; {@link Merge#COUNTER} adds up the
     * concurrent changes of each key's number.
     */
    public static SyncedField valueMap(String jsonKey, Merge merge) {
        return new SyncedField(jsonKey, merge, FieldShape.VALUE_MAP, null);
    }

    /** A {@code Set<V>} of values, merged value by value. */
    public static SyncedField valueSet(String jsonKey) {
        return new SyncedField(jsonKey, Merge.LAST_WRITER_WINS, FieldShape.VALUE_SET, null);
    }

    /** The {@code @MultiSessionId} field. */
    public static SyncedField id(String jsonKey) {
        return new SyncedField(jsonKey, Merge.LAST_WRITER_WINS, FieldShape.ID, null);
    }

    /** A nested model written through its own codec. */
    public static SyncedField model(String jsonKey, MultiSessionCodec<?> codec) {
        return new SyncedField(jsonKey, Merge.LAST_WRITER_WINS, FieldShape.MODEL, codec);
    }

    /** A list or set of models, matched by the element codec's id when it has one. */
    public static SyncedField modelCollection(String jsonKey, MultiSessionCodec<?> elementCodec) {
        return new SyncedField(jsonKey, Merge.LAST_WRITER_WINS, FieldShape.MODEL_COLLECTION, elementCodec);
    }

    /** The key that identifies elements of this collection, if its element model has an id. */
    public Optional<String> elementIdKey() {
        return shape == FieldShape.MODEL_COLLECTION ? elementCodec.idKey() : Optional.empty();
    }
}
