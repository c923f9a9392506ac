package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A terminal that has never reached the hub takes the hub's run from the welcome, whatever it is doing then. */
class TerminalRunTest {

    @Test
    void anEditMadeRightAfterTheWelcomeBelongsToTheHubsRun() throws Exception {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        hub.resetSession("bistro"); // the hub is in run 2, so nothing can guess it
        ManualExecutor ui = new ManualExecutor();
        InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", "A"));
        Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
                .transport(transport).executor(ui).build();
        List<Conflict> conflicts = new ArrayList<>();
        List<Long> runWhenOnline = new ArrayList<>();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void conflict(Conflict conflict) {
                conflicts.add(conflict);
            }

            @Override
            public void connectionChanged(boolean online) {
                if (online) {
                    runWhenOnline.add(terminal.runId());
                }
            }
        });
        try {
            terminal.start();
            ui.runNext(); // connected: the terminal says hello; the hub answers welcome, then a snapshot
            ui.runNext(); // the welcome only: the snapshot is still waiting behind the app's next edit

            assertTrue(terminal.isOnline());
            assertEquals(List.of(2L), runWhenOnline, "online is reported once the run is known");
            Tab tab = terminal.newOrder(t -> t.note = "made in the instant after online");
            ui.runUntilQuiet(300);

            assertEquals(List.of(), conflicts, "the edit was refused");
            assertEquals(0, terminal.pendingMutations());
            assertEquals(1, terminal.number(tab));
            assertEquals("made in the instant after online", terminal.visibleState(tab.uid).get("note").asText());
        } finally {
            terminal.close();
            hub.close();
        }
    }

    @Test
    void offlineEditsAndEditsBeforeTheSnapshotAllJoinTheRun() throws Exception {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        hub.resetSession("bistro");
        ManualExecutor ui = new ManualExecutor();
        InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", "A"));
        transport.setOnline(false);
        Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
                .transport(transport).executor(ui).build();
        List<Conflict> conflicts = new ArrayList<>();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void conflict(Conflict conflict) {
                conflicts.add(conflict);
            }
        });
        try {
            terminal.start();
            Tab offline = terminal.newOrder(t -> t.note = "offline");
            transport.setOnline(true);
            ui.runNext(); // connected
            Tab beforeWelcome = terminal.newOrder(t -> t.note = "before the welcome");
            ui.runNext(); // welcome
            terminal.edit(offline, t -> t.qty += 2);
            ui.runUntilQuiet(300);

            assertEquals(List.of(), conflicts);
            assertEquals(0, terminal.pendingMutations());
            assertEquals(2, terminal.runId());
            assertEquals(1, terminal.number(offline));
            assertEquals(2, terminal.number(beforeWelcome));
            assertEquals(2, terminal.visibleState(offline.uid).get("qty").asLong());
        } finally {
            terminal.close();
            hub.close();
        }
    }
}
