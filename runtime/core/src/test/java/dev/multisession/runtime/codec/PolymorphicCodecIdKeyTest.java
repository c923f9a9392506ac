package dev.multisession.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.multisession.runtime.codec.fixture.CurrentModel;
import dev.multisession.runtime.codec.fixture.PolyBase;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link PolymorphicCodec#of}: one id key per base, set once, whoever asks first and however many ask at once. */
class PolymorphicCodecIdKeyTest {

    /** A fresh copy of {@link PolyBase} in a class loader of its own: the codec cached per class starts without an id key. */
    private static Class<?> freshBase() throws Exception {
        String name = PolyBase.class.getName();
        byte[] bytes;
        try (InputStream in = PolyBase.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassLoader loader = new ClassLoader(PolyBase.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
        };
        return loader.loadClass(name);
    }

    @Test
    void theSameIdKeyGivesTheSameCodec() throws Exception {
        Class<?> base = freshBase();
        MultiSessionCodec<?> first = PolymorphicCodec.of(base, "uid");
        assertSame(first, PolymorphicCodec.of(base, "uid"));
        assertEquals(Optional.of("uid"), first.idKey());
        Class<?> without = freshBase();
        assertEquals(Optional.empty(), PolymorphicCodec.of(without, null).idKey());
        assertSame(PolymorphicCodec.of(without, null), PolymorphicCodec.of(without, null));
    }

    @Test
    void anotherIdKeyForTheSameBaseIsRefusedNamingBoth() throws Exception {
        Class<?> base = freshBase();
        PolymorphicCodec.of(base, "uid");
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> PolymorphicCodec.of(base, "id"));
        assertTrue(other.getMessage().contains("has the id key \"uid\", but a codec asks for it with the id key \"id\""),
                other.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> PolymorphicCodec.of(base, null));
        assertTrue(none.getMessage().contains("with the id key (none)"), none.getMessage());
        Class<?> without = freshBase();
        PolymorphicCodec.of(without, null);
        assertThrows(IllegalArgumentException.class, () -> PolymorphicCodec.of(without, "uid"));
    }

    @Test
    void callsAtOnceWithDifferentIdKeysAreToldApart() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int trial = 0; trial < 2_000; trial++) {
                Class<?> base = freshBase();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String key = "k" + i;
                    calls.add(pool.submit(() -> {
                        start.await();
                        try {
                            PolymorphicCodec.of(base, key);
                            return true;
                        } catch (IllegalArgumentException refused) {
                            return false;
                        }
                    }));
                }
                List<String> accepted = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    if (calls.get(i).get()) {
                        accepted.add("k" + i);
                    }
                }
                // exactly one caller set the key, and it is the one the codec keeps; every other one was refused
                assertEquals(List.of(PolymorphicCodec.of(base, accepted.get(0)).idKey().orElseThrow()), accepted,
                        "trial " + trial);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSubtypeWithoutTheBasesIdKeyIsRefusedSayingItHasNone() {
        MultiSessionCodec<CurrentModel> codec = PolymorphicCodec.of(CurrentModel.class, "uid");
        CurrentModel model = new CurrentModel();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> codec.initFromJson(model, JsonNodeFactory.instance.objectNode()));
        assertTrue(refused.getMessage().contains(CurrentModel.class.getName() + " has no id key but its polymorphic"
                + " base " + CurrentModel.class.getName() + " selects elements by \"uid\""), refused.getMessage());
    }
}
