package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.runtime.hub.spi.HubObserver;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ObserversTest {

    /** A method added to the interface and not passed on would leave metrics or the page silently behind. */
    @Test
    void everyMethodOfTheInterfaceIsPassedOnToEachObserver() throws NoSuchMethodException {
        for (Method method : HubObserver.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                Method passed = Observers.class.getMethod(method.getName(), method.getParameterTypes());
                assertEquals(Observers.class, passed.getDeclaringClass(), method.getName() + " is not passed on");
            }
        }
    }
}
