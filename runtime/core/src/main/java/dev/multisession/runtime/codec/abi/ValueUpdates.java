package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Initialising and applying one synced field in one call, so that a generated codec spends one
 * line per field instead of a block. Each {@code init} sets the field when its key is present;
 * each {@code apply} also compares the new value with {@code current} and adds the key to
 * {@code changed} when it differs. The field is written through {@code setter}: a lambda on the
 * field or the model's setter.
 *
 * <p>The methods are small and static, so the JIT inlines them into each generated method; the
 * value codec then is a constant and the setter a lambda made at the call site, both of an exact
 * type there, so neither costs a megamorphic call nor, once escape analysis has run, an
 * allocation. Primitives have methods of their own so that no value is boxed; {@code byte},
 * {@code short} and {@code char} travel as {@code int} and {@code float} as {@code double}, which
 * is exact, and the generated setter narrows them back.
 */
public final class ValueUpdates {

    /** Sets a {@code boolean} field; {@code java.util.function} has no such consumer. */
    @FunctionalInterface
    public interface BooleanSetter {
        /**
         * Sets the field.
         *
         * @param value the new value
         */
        void set(boolean value);
    }

    private ValueUpdates() {}

    /** Sets a {@code boolean} field when {@code json} has its key; JSON null is an error. */
    public static void initBoolean(JsonNode json, String key, BooleanSetter setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.set(ValueReads.readBoolean(node, key));
        }
    }

    /** Applies a {@code boolean} field when {@code data} has its key; JSON null is an error. */
    public static void applyBoolean(JsonNode data, String key, boolean current, BooleanSetter setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeBoolean(ValueReads.readBoolean(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code byte} field (as an {@code int}) when {@code json} has its key. */
    public static void initByte(JsonNode json, String key, IntConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readByte(node, key));
        }
    }

    /** Applies a {@code byte} field (as an {@code int}) when {@code data} has its key. */
    public static void applyByte(JsonNode data, String key, int current, IntConsumer setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeInt(ValueReads.readByte(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code short} field (as an {@code int}) when {@code json} has its key. */
    public static void initShort(JsonNode json, String key, IntConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readShort(node, key));
        }
    }

    /** Applies a {@code short} field (as an {@code int}) when {@code data} has its key. */
    public static void applyShort(JsonNode data, String key, int current, IntConsumer setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeInt(ValueReads.readShort(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code char} field (as an {@code int}) when {@code json} has its key. */
    public static void initChar(JsonNode json, String key, IntConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readChar(node, key));
        }
    }

    /** Applies a {@code char} field (as an {@code int}) when {@code data} has its key. */
    public static void applyChar(JsonNode data, String key, int current, IntConsumer setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeInt(ValueReads.readChar(node, key), current, setter, key, changed);
        }
    }

    /** Sets an {@code int} field when {@code json} has its key. */
    public static void initInt(JsonNode json, String key, IntConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readInt(node, key));
        }
    }

    /** Applies an {@code int} field when {@code data} has its key. */
    public static void applyInt(JsonNode data, String key, int current, IntConsumer setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeInt(ValueReads.readInt(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code long} field when {@code json} has its key. */
    public static void initLong(JsonNode json, String key, LongConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readLong(node, key));
        }
    }

    /** Applies a {@code long} field when {@code data} has its key. */
    public static void applyLong(JsonNode data, String key, long current, LongConsumer setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeLong(ValueReads.readLong(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code float} field (as a {@code double}) when {@code json} has its key. */
    public static void initFloat(JsonNode json, String key, DoubleConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readFloat(node, key));
        }
    }

    /** Applies a {@code float} field (as a {@code double}) when {@code data} has its key. */
    public static void applyFloat(JsonNode data, String key, double current, DoubleConsumer setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeDouble(ValueReads.readFloat(node, key), current, setter, key, changed);
        }
    }

    /** Sets a {@code double} field when {@code json} has its key. */
    public static void initDouble(JsonNode json, String key, DoubleConsumer setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ValueReads.readDouble(node, key));
        }
    }

    /** Applies a {@code double} field when {@code data} has its key. */
    public static void applyDouble(JsonNode data, String key, double current, DoubleConsumer setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            changeDouble(ValueReads.readDouble(node, key), current, setter, key, changed);
        }
    }

    /** Sets a reference value field, read by its codec, when {@code json} has its key. */
    public static <V> void init(JsonNode json, String key, ValueCodec<V> codec, Consumer<? super V> setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(codec.fromJson(node, key));
        }
    }

    /** Applies a reference value field, read and compared by its codec, when {@code data} has its key. */
    public static <V> void apply(JsonNode data, String key, ValueCodec<V> codec, V current, Consumer<? super V> setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            change(codec.fromJson(node, key), current, codec, setter, key, changed);
        }
    }

    /** Sets a nested model field, made through its codec, when {@code json} has its key. */
    public static <T> void initModel(JsonNode json, String key, MultiSessionCodec<T> codec, Consumer<? super T> setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ModelValues.read(codec, node, key));
        }
    }

    /**
     * Applies a nested model field in place ({@link ModelValues#apply}); the field is written only
     * when it must hold another object (it was null, or becomes null).
     */
    public static <T> void updateModel(JsonNode data, String key, MultiSessionCodec<T> codec, T current,
            Consumer<? super T> setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            replace(ModelValues.apply(codec, current, node, key, changed), current, setter);
        }
    }

    /** Sets a collection of models, made by {@code factory} and filled through the codec, when {@code json} has its key. */
    public static <T, C extends Collection<T>> void initModels(JsonNode json, String key, MultiSessionCodec<T> codec,
            Supplier<C> factory, Consumer<? super C> setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(ModelValues.readAll(codec, node, key, factory));
        }
    }

    /**
     * Applies a collection of models in place, by id where the model has one
     * ({@link ModelValues#applyAll}); the field is written only when it must hold another collection.
     */
    public static <T, C extends Collection<T>> void updateModels(JsonNode data, String key, MultiSessionCodec<T> codec,
            Supplier<C> factory, C current, Consumer<? super C> setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            replace(ModelValues.applyAll(codec, current, node, key, changed, factory), current, setter);
        }
    }

    // The public methods and these parts are each at most 35 bytes of bytecode (-XX:MaxInlineSize), so
    // that the JIT inlines them at every call site, however often the site runs: only there are the
    // setter lambda and the codec of an exact type, which spares the allocation and the megamorphic call.

    private static <V> void change(V value, V current, ValueCodec<V> codec, Consumer<? super V> setter, String key,
            Set<String> changed) {
        if (!codec.same(value, current)) {
            setter.accept(value);
            changed.add(key);
        }
    }

    private static <V> void replace(V value, V current, Consumer<? super V> setter) {
        if (value != current) {
            setter.accept(value);
        }
    }

    private static void changeBoolean(boolean value, boolean current, BooleanSetter setter, String key,
            Set<String> changed) {
        if (value != current) {
            setter.set(value);
            changed.add(key);
        }
    }

    private static void changeLong(long value, long current, LongConsumer setter, String key, Set<String> changed) {
        if (value != current) {
            setter.accept(value);
            changed.add(key);
        }
    }

    private static void changeInt(int value, int current, IntConsumer setter, String key, Set<String> changed) {
        if (value != current) {
            setter.accept(value);
            changed.add(key);
        }
    }

    private static void changeDouble(double value, double current, DoubleConsumer setter, String key,
            Set<String> changed) {
        // Double.compare: NaN equals NaN and 0.0 differs from -0.0, as the field's own comparison did
        if (Double.compare(value, current) != 0) {
            setter.accept(value);
            changed.add(key);
        }
    }
}
