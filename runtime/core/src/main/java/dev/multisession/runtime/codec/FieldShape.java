package dev.multisession.runtime.codec;

/** How a synced field's value is laid out in the exported JSON. */
public enum FieldShape {
    /** The model's {@code @MultiSessionId}: exported, never changed by apply. */
    ID,
    /**
     * Any other value, merged whole: a scalar, a list of values, a Jackson-bound object, or a
     * set or map from a codec generated before sets and maps merged element by element.
     */
    VALUE,
    /**
     * A {@code Map<String, V>} of values, exported as a JSON object and merged key by key: a
     * changed key is set (or, for {@code Merge.COUNTER}, added to), a removed key unset.
     */
    VALUE_MAP,
    /** A {@code Set<V>} of values, exported as a JSON array and merged value by value (include, exclude). */
    VALUE_SET,
    /** A nested model exported as a JSON object through its own codec. */
    MODEL,
    /** A list or set of models exported as a JSON array of objects through the element codec. */
    MODEL_COLLECTION
}
