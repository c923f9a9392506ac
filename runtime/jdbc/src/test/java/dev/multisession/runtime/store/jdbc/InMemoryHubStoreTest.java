package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.store.memory.InMemoryHubStore;

/** The in-memory store against the same contract; "reopening" it is using the same instance again. */
class InMemoryHubStoreTest extends HubStoreContract {
    private final InMemoryHubStore memory = new InMemoryHubStore();

    @Override
    HubStore openStore() {
        return memory;
    }
}
