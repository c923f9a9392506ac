package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Hub.Builder#build()} names every missing or unusable setting with its fix. */
class HubBuilderTest {

    @Test
    void everyProblemIsNamedAtBuildWithItsFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Hub.builder().clock(null).executor(null).build());
        String message = e.getMessage();
        assertTrue(message.contains("store is not set: call .store(new InMemoryHubStore())"), message);
        assertTrue(message.contains("clock is null"), message);
        assertTrue(message.contains("executor is null"), message);
    }
}
