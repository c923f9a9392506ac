package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.multisession.codec.abi.AbiConstant;
import dev.multisession.codec.abi.AbiMember;
import dev.multisession.codec.abi.AbiMethod;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.codec.abi.RuntimeTypes;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runtime member the shared ABI table lists, which is every member the processor can make
 * generated code call, exists with the listed signature; and the static members of the classes
 * only generated code calls are all listed, so none changes unnoticed.
 */
class GeneratedCodeAbiTest {

    private static final Map<String, Class<?>> PRIMITIVES = Stream.of(boolean.class, byte.class, short.class,
                    int.class, long.class, float.class, double.class, char.class, void.class)
            .collect(Collectors.toMap(Class::getName, c -> c));

    /** The classes whose public static members are all ABI. */
    private static final List<Class<?>> STATIC_ABI_CLASSES = List.of(ValueWrites.class, ValueCodecs.class,
            ValueUpdates.class);

    @TestFactory
    Stream<DynamicTest> everyListedMemberExistsWithItsSignature() {
        return CodecAbi.members().stream().map(member -> dynamicTest(member.toString(), () -> resolve(member)));
    }

    @TestFactory
    Stream<DynamicTest> everyNamedTypeIsAPublicRuntimeType() {
        return Arrays.stream(RuntimeTypes.class.getFields())
                .filter(f -> f.getType() == String.class && !f.getName().endsWith("_PACKAGE"))
                .map(f -> dynamicTest(f.getName(), () -> {
                    Class<?> type = type((String) f.get(null));
                    assertTrue(Modifier.isPublic(type.getModifiers()), type + " is not public");
                }));
    }

    @Test
    void theVersionMarkIsTheAnnotationTheTableNamesAndIsReadableAtRunTime() {
        assertEquals(RuntimeTypes.CODEC_ABI_VERSION, CodecAbiVersion.class.getName());
        assertEquals(RetentionPolicy.RUNTIME, CodecAbiVersion.class.getAnnotation(Retention.class).value());
    }

    @Test
    void everyPublicStaticMemberOfTheGeneratedCodeClassesIsListed() {
        Set<String> listed = CodecAbi.members().stream().map(m -> m.owner() + "." + m.name())
                .collect(Collectors.toSet());
        List<String> unlisted = new ArrayList<>();
        for (Class<?> owner : STATIC_ABI_CLASSES) {
            List<Member> members = new ArrayList<>(Arrays.asList(owner.getDeclaredMethods()));
            members.addAll(Arrays.asList(owner.getDeclaredFields()));
            for (Member member : members) {
                int modifiers = member.getModifiers();
                String name = owner.getName() + "." + member.getName();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && !listed.contains(name)) {
                    unlisted.add(name);
                }
            }
        }
        assertEquals(List.of(), unlisted, "public members generated code could call, missing from the ABI table");
    }

    private static void resolve(AbiMember member) throws ReflectiveOperationException {
        Class<?> owner = type(member.owner());
        assertTrue(Modifier.isPublic(owner.getModifiers()), owner + " is not public");
        if (member instanceof AbiConstant constant) {
            Field field = owner.getField(constant.name());
            int modifiers = field.getModifiers();
            assertTrue(Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers), field + " is not static final");
            assertEquals(type(constant.type()), field.getType(), field.toString());
            return;
        }
        AbiMethod method = (AbiMethod) member;
        Class<?>[] parameters = method.parameterTypes().stream().map(GeneratedCodeAbiTest::typeUnchecked)
                .toArray(Class<?>[]::new);
        if (method.kind() == AbiMethod.Kind.CONSTRUCTOR) {
            Constructor<?> constructor = owner.getConstructor(parameters);
            assertTrue(Modifier.isPublic(constructor.getModifiers()), constructor + " is not public");
            return;
        }
        if (method.kind() == AbiMethod.Kind.OVERRIDDEN) {
            Method hook = owner.getDeclaredMethod(method.name(), parameters);
            assertTrue(Modifier.isProtected(hook.getModifiers()) && Modifier.isAbstract(hook.getModifiers()),
                    hook + " is not protected abstract");
            assertEquals(void.class, hook.getReturnType(), hook.toString());
            return;
        }
        Method found = owner.getMethod(method.name(), parameters);
        assertEquals(method.kind() == AbiMethod.Kind.STATIC, Modifier.isStatic(found.getModifiers()),
                found + ": static or not, unlike the table");
        assertEquals(type(method.returnType()), found.getReturnType(), found.toString());
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        return primitive != null ? primitive : Class.forName(name, false, GeneratedCodeAbiTest.class.getClassLoader());
    }

    private static Class<?> typeUnchecked(String name) {
        try {
            return type(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name, e);
        }
    }
}
