package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTerminalStoreTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path directory;

    private Path file;
    private SqliteTerminalStore store;

    @BeforeEach
    void open() {
        file = directory.resolve("terminals/bar-till.db");
        store = SqliteTerminalStore.open(file);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewTerminalLoadsTheEmptyState() {
        assertEquals(TerminalState.EMPTY, store.load());
    }

    @Test
    void theTagOfTheLastAppliedStateSurvivesReopening() {
        store.write(TerminalWrite.builder(2, 41, 5).lastTag((1L << 53) - 1).build());
        store.close();
        store = SqliteTerminalStore.open(file);
        assertEquals(new TerminalState(2, 41, 5, List.of(), List.of(), (1L << 53) - 1), store.load());
        store.write(TerminalWrite.builder(2, 0, 5).build());
        assertEquals(0, store.load().lastTag(), "a replica dropped and taken again from seq 0 names no tag");
    }

    @Test
    void aStoredTagThatIsNoTagIsRefusedWhenLoadedNotAtEveryHello() throws Exception {
        store.write(TerminalWrite.builder(2, 41, 5).lastTag(7).build());
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE counters SET last_tag = -1"); // damaged, or written by another tool
        }
        store = SqliteTerminalStore.open(file);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, store::load);
        assertTrue(refused.getMessage().contains("lastTag"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TerminalWrite.builder(2, 41, 5).lastTag(1L << 53).build());
    }

    @Test
    void writesAreAppliedAndSurviveReopening() {
        HubMessage.OrderState o1 = orderState("o1", 3, 1, "T1");
        HubMessage.OrderState o2 = orderState("o2", 1, 2, "T2");
        store.write(new TerminalWrite(1, 7, 2, false, List.of(o1, o2), List.of(), List.of(mutate(1), remove(2)), List.of()));
        store.close();
        store = SqliteTerminalStore.open(file);
        assertEquals(new TerminalState(1, 7, 2, List.of(o1, o2), List.of(mutate(1), remove(2))), store.load());
    }

    @Test
    void ordersAreReplacedDeletedAndClearedAndTheOutboxDrainsByMutationId() {
        HubMessage.OrderState o1 = orderState("o1", 1, 1, "T1");
        HubMessage.OrderState o2 = orderState("o2", 1, 2, "T2");
        store.write(new TerminalWrite(1, 2, 3, false, List.of(o1, o2), List.of(),
                List.of(mutate(3), mutate(1), mutate(2)), List.of()));
        HubMessage.OrderState o1Edited = orderState("o1", 2, 1, "T5");
        store.write(new TerminalWrite(1, 3, 3, false, List.of(o1Edited), List.of("o2"), List.of(), List.of(1L)));
        assertEquals(new TerminalState(1, 3, 3, List.of(o1Edited), List.of(mutate(2), mutate(3))), store.load());

        HubMessage.OrderState fresh = orderState("o9", 1, 1, "T9");
        store.write(new TerminalWrite(2, 1, 3, true, List.of(fresh), List.of(), List.of(), List.of(2L, 3L)));
        assertEquals(new TerminalState(2, 1, 3, List.of(fresh), List.of()), store.load());
    }

    @Test
    void behavesLikeTheInMemoryStoreOnRandomWrites() {
        InMemoryTerminalStore expected = new InMemoryTerminalStore();
        Random random = new Random(20260301L);
        long nextMutation = 1;
        for (int step = 0; step < 300; step++) {
            List<HubMessage.OrderState> put = new ArrayList<>();
            List<String> delete = new ArrayList<>();
            List<ClientMessage> enqueue = new ArrayList<>();
            List<Long> dequeue = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                put.add(orderState("o" + random.nextInt(8), step, random.nextInt(20), "T" + random.nextInt(50)));
            }
            for (int i = random.nextInt(2); i > 0; i--) {
                delete.add("o" + random.nextInt(8));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                enqueue.add(random.nextBoolean() ? mutate(nextMutation++) : remove(nextMutation++));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                dequeue.add((long) random.nextInt((int) nextMutation));
            }
            TerminalWrite write = new TerminalWrite(1 + step / 100, step, nextMutation - 1, random.nextInt(40) == 0,
                    put, delete, enqueue, dequeue);
            expected.write(write);
            store.write(write);
            if (step % 50 == 49) {
                store.close();
                store = SqliteTerminalStore.open(file);
            }
            assertEquals(expected.load(), store.load(), "after step " + step);
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.load());
        TerminalStore closed = store;
        assertThrows(IllegalStateException.class,
                () -> closed.write(new TerminalWrite(1, 1, 1, false, List.of(), List.of(), List.of(), List.of())));
    }

    static HubMessage.OrderState orderState(String uid, long revision, long number, String table) {
        ObjectNode data = JSON.objectNode();
        data.put("uid", uid);
        data.put("table_id", table);
        data.put("total", new BigDecimal("12.30"));
        ObjectNode info = JSON.objectNode();
        info.putObject("created").put("terminal", "bar-till");
        return new HubMessage.OrderState(uid, revision, number, data, info);
    }

    static ClientMessage.Mutate mutate(long mutationId) {
        return new ClientMessage.Mutate(mutationId, 1, "o1", 3, "ann",
                List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("edit " + mutationId))));
    }

    static ClientMessage.Remove remove(long mutationId) {
        return new ClientMessage.Remove(mutationId, 1, "o2", 4, null, true);
    }
}
