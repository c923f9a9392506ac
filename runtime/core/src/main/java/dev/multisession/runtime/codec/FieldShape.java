package dev.multisession.runtime.codec;

/** How a synced field's value is laid out in the exported JSON. */
public enum FieldShape {
    /** The model's {@code @MultiSessionId}: exported, never changed by apply. */
    ID,
    /** Any other value: a scalar, a list, set or map of scalars, or a Jackson-bound object. */
    VALUE,
    /** A nested model exported as a JSON object through its own codec. */
    MODEL,
    /** A list or set of models exported as a JSON array of objects through the element codec. */
    MODEL_COLLECTION
}
