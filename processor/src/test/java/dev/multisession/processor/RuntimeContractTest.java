package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The processor names runtime types without depending on the runtime: every name it builds resolves. */
class RuntimeContractTest {

    @Test
    void everyNamedRuntimeClassExists() throws Exception {
        for (Field field : RuntimeNames.class.getDeclaredFields()) {
            if (field.getType() == ClassName.class) {
                field.setAccessible(true);
                Class.forName(((ClassName) field.get(null)).reflectionName());
            }
        }
    }
}
