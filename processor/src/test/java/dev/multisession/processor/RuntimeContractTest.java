package dev.multisession.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.codec.ValueCodecs;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The processor names runtime members without depending on the runtime: keep the names in step. */
class RuntimeContractTest {

    @Test
    void everyConstantTheClassifierUsesExistsInValueCodecs() {
        Set<String> constants = Arrays.stream(ValueCodecs.class.getFields()).map(Field::getName)
                .collect(Collectors.toSet());
        TypeClassifier.CONSTANTS.values().forEach(name -> assertTrue(constants.contains(name), name));
    }

    @Test
    void everyNamedRuntimeClassExists() throws Exception {
        for (Field field : RuntimeNames.class.getDeclaredFields()) {
            if (field.getType() == com.palantir.javapoet.ClassName.class) {
                field.setAccessible(true);
                Class.forName(((com.palantir.javapoet.ClassName) field.get(null)).reflectionName());
            }
        }
    }
}
