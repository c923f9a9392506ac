package dev.multisession.runtime.codec.abi;

import java.util.Set;
import java.util.function.Consumer;

/** The comparison half of {@link ValueCodec#apply} and {@link ValueCodec#applyWith}, kept apart so each stays small. */
final class ValueChanges {

    private ValueChanges() {}

    static <V> V changed(V value, V current, ValueCodec<V> codec, String key, Set<String> changed) {
        if (codec.same(value, current)) {
            return current;
        }
        changed.add(key);
        return value;
    }

    static <V> void set(V value, V current, ValueCodec<V> codec, Consumer<? super V> setter, String key,
            Set<String> changed) {
        if (!codec.same(value, current)) {
            setter.accept(value);
            changed.add(key);
        }
    }
}
