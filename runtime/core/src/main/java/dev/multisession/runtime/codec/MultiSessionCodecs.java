package dev.multisession.runtime.codec;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the generated codec of a model class.
 *
 * <p>The processor writes {@code <Simple>_MultiSession} (for a nested class
 * {@code Outer_Inner_MultiSession}) beside each class that declares synced fields. This class
 * locates it by name, so the processor stays isolating and needs no registry. A class that
 * only inherits synced fields gets a codec of its own type built on its nearest generated
 * ancestor's code. Lookups are cached; the codecs themselves use no reflection.
 */
public final class MultiSessionCodecs {

    private static final ClassValue<MultiSessionCodec<?>> CACHE = new ClassValue<>() {
        @Override
        protected MultiSessionCodec<?> computeValue(Class<?> type) {
            return CodecLocator.locate(type);
        }
    };

    private MultiSessionCodecs() {}

    /**
     * The codec for {@code type}: its own generated codec, or for a class that declares no
     * synced field, one derived from its nearest ancestor's that creates instances of
     * {@code type}.
     *
     * @throws IllegalArgumentException if neither the class nor an ancestor has generated code
     *     (the class has no {@code @MultiSessionField}, or the processor did not run)
     * @throws IllegalStateException if the generated code of the class or of an ancestor was written
     *     for another version of the generated-code ABI than this runtime's; the message names the
     *     jar, class directory or module to rebuild
     */
    @SuppressWarnings("unchecked")
    public static <T> MultiSessionCodec<T> forClass(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return (MultiSessionCodec<T>) CACHE.get(type);
    }
}
