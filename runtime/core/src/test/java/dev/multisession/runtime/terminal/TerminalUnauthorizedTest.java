package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A refused token reaches the app as its own event, once per streak of refusals. */
class TerminalUnauthorizedTest {

    @Test
    void aRefusedTokenIsReportedOnceAndAnAcceptedOneBringsTheTerminalOnline() throws Exception {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", "A"));
        transport.setAuthorized(false);
        ManualExecutor ui = new ManualExecutor();
        Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
                .transport(transport).executor(ui).build();
        List<String> heard = new CopyOnWriteArrayList<>();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void unauthorized(String reason) {
                heard.add(reason);
            }

            @Override
            public void connectionChanged(boolean online) {
                heard.add(online ? "online" : "offline");
            }
        });
        try {
            terminal.start();
            ui.runUntilQuiet(200);
            transport.setOnline(false);
            transport.setOnline(true); // refused again: not reported again
            ui.runUntilQuiet(200);
            assertEquals(1, heard.size(), heard.toString());
            assertTrue(heard.get(0).startsWith("unauthorized"), heard.get(0));
            assertFalse(terminal.isOnline());

            transport.setAuthorized(true);
            ui.runUntilQuiet(200);
            assertEquals("online", heard.get(heard.size() - 1));
            transport.setAuthorized(false); // revoked while online
            ui.runUntilQuiet(200);
            assertEquals(List.of("offline", "unauthorized"), heard.subList(2, 4).stream()
                    .map(s -> s.startsWith("unauthorized") ? "unauthorized" : s).toList());
        } finally {
            terminal.close();
            hub.close();
        }
    }
}
