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
 * {@code changed} when it differs. A field reached directly takes the value the call returns
 * ({@code model.qty = ValueUpdates.applyInt(data, "qty", model.qty, changed)}); a field with a
 * setter hands it over ({@code model::setQty}), called only when the key is present (and, for
 * apply, the value differs). Values of reference types go through their codec constant's own
 * methods ({@link ValueCodec#init}, {@link ValueCodec#apply}, ...).
 *
 * <p>The methods are small and static, so the JIT inlines them into each generated method; the
 * value codec then is a constant and the setter a lambda made at the call site, both of an exact
 * type there, so neither costs a megamorphic call nor, once escape analysis has run, an
 * allocation. Primitives have methods of their own so that no value is boxed; {@code byte},
 * {@code short} and {@code char} travel as {@code int} and {@code float} as {@code double}, which
 * is exact, and the generated setter narrows them back.
 *
 * <p>The near-identical method per primitive type is deliberate: generated code calls a
 * non-generic method of an exact signature (codec ABI 3), so javac infers no type at each of
 * thousands of lines and no value is boxed; one generic core would cost both. The parts they share
 * (reading, comparing) live in {@link ValueReads} and the few {@code changed}/{@code change}
 * methods below.
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

    // Fields reached directly: the generated line stores what the call returns, so it needs no setter lambda.

    /** A {@code boolean} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static boolean initBoolean(JsonNode json, String key, boolean current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readBoolean(node, key);
    }

    /** Applies a {@code boolean} field reached directly; returns the value to store ({@code current} when absent). */
    public static boolean applyBoolean(JsonNode data, String key, boolean current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : changedBoolean(ValueReads.readBoolean(node, key), current, key, changed);
    }

    /** A {@code byte} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static byte initByte(JsonNode json, String key, byte current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readByte(node, key);
    }

    /** Applies a {@code byte} field reached directly; returns the value to store ({@code current} when absent). */
    public static byte applyByte(JsonNode data, String key, byte current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : (byte) changedInt(ValueReads.readByte(node, key), current, key, changed);
    }

    /** A {@code short} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static short initShort(JsonNode json, String key, short current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readShort(node, key);
    }

    /** Applies a {@code short} field reached directly; returns the value to store ({@code current} when absent). */
    public static short applyShort(JsonNode data, String key, short current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : (short) changedInt(ValueReads.readShort(node, key), current, key, changed);
    }

    /** A {@code char} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static char initChar(JsonNode json, String key, char current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readChar(node, key);
    }

    /** Applies a {@code char} field reached directly; returns the value to store ({@code current} when absent). */
    public static char applyChar(JsonNode data, String key, char current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : (char) changedInt(ValueReads.readChar(node, key), current, key, changed);
    }

    /** A {@code int} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static int initInt(JsonNode json, String key, int current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readInt(node, key);
    }

    /** Applies a {@code int} field reached directly; returns the value to store ({@code current} when absent). */
    public static int applyInt(JsonNode data, String key, int current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : changedInt(ValueReads.readInt(node, key), current, key, changed);
    }

    /** A {@code long} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static long initLong(JsonNode json, String key, long current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readLong(node, key);
    }

    /** Applies a {@code long} field reached directly; returns the value to store ({@code current} when absent). */
    public static long applyLong(JsonNode data, String key, long current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : changedLong(ValueReads.readLong(node, key), current, key, changed);
    }

    /** A {@code float} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static float initFloat(JsonNode json, String key, float current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readFloat(node, key);
    }

    /** Applies a {@code float} field reached directly; returns the value to store ({@code current} when absent). */
    public static float applyFloat(JsonNode data, String key, float current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : (float) changedDouble(ValueReads.readFloat(node, key), current, key, changed);
    }

    /** A {@code double} field reached directly: the value under {@code key}, or {@code current} when absent. */
    public static double initDouble(JsonNode json, String key, double current) {
        JsonNode node = json.get(key);
        return node == null ? current : ValueReads.readDouble(node, key);
    }

    /** Applies a {@code double} field reached directly; returns the value to store ({@code current} when absent). */
    public static double applyDouble(JsonNode data, String key, double current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : changedDouble(ValueReads.readDouble(node, key), current, key, changed);
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
    // As the setters do, byte, short and char compare as int and float as double, which is exact
    // (Double.compare of two widened floats is Float.compare of the floats).

    private static boolean changedBoolean(boolean value, boolean current, String key, Set<String> changed) {
        if (value == current) {
            return current;
        }
        changed.add(key);
        return value;
    }

    private static int changedInt(int value, int current, String key, Set<String> changed) {
        if (value == current) {
            return current;
        }
        changed.add(key);
        return value;
    }

    private static long changedLong(long value, long current, String key, Set<String> changed) {
        if (value == current) {
            return current;
        }
        changed.add(key);
        return value;
    }

    private static double changedDouble(double value, double current, String key, Set<String> changed) {
        if (Double.compare(value, current) == 0) {
            return current;
        }
        changed.add(key);
        return value;
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
