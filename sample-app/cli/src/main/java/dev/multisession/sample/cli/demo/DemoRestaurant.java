package dev.multisession.sample.cli.demo;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.runtime.transport.websocket.WebSocketTerminalTransport;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the demo runs on, in one JVM but over real connections: a hub on a SQLite file
 * served over WebSocket on loopback, and three stations (two waiters and the kitchen screen),
 * each with its own token, its own SQLite terminal store and its own WebSocket connection.
 */
public final class DemoRestaurant implements AutoCloseable {

    /** The multi-session the stations share. */
    public static final String SESSION = "bistro";

    private final SqliteHubStore hubStore;
    private final Hub hub;
    private final HubServer server;
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final List<SqliteTerminalStore> terminalStores = new ArrayList<>();
    private final Station anna;
    private final Station ben;
    private final Station kitchen;
    private final KitchenPrinter printer;

    private DemoRestaurant(Path folder, ServiceLog log) {
        hubStore = SqliteHubStore.open(folder.resolve("hub.db"));
        hub = Hub.builder().store(hubStore).model(RestaurantOrder.class).build();
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        anna = station("Anna", folder, log);
        ben = station("Ben", folder, log);
        kitchen = station("Kitchen", folder, log);
        printer = new KitchenPrinter(kitchen);
        start(anna, folder, null);
        start(ben, folder, null);
        start(kitchen, folder, printer);
    }

    /**
     * Starts the hub and the three stations, keeping every file in {@code folder}.
     *
     * @param log where the stations write what they do and receive
     */
    public static DemoRestaurant open(Path folder, ServiceLog log) {
        return new DemoRestaurant(folder, log);
    }

    private Station station(String name, Path folder, ServiceLog log) {
        String token = tokens.issue(SESSION, name.toLowerCase());
        UnpluggableTransport cable = new UnpluggableTransport(() -> WebSocketTerminalTransport
                .builder(server.loopbackUri(), token)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .build());
        return new Station(name, cable, log);
    }

    private void start(Station station, Path folder, KitchenPrinter extra) {
        SqliteTerminalStore store = SqliteTerminalStore.open(folder.resolve(station.name().toLowerCase() + ".db"));
        terminalStores.add(store);
        station.start(Terminal.builder(RestaurantOrder.class)
                .session(SESSION)
                .terminalId(station.name().toLowerCase())
                .user(station.name())
                .store(store), extra);
    }

    /** The first waiter. */
    public Station anna() {
        return anna;
    }

    /** The second waiter. */
    public Station ben() {
        return ben;
    }

    /** The kitchen screen, the only station that prints kitchen tickets. */
    public Station kitchen() {
        return kitchen;
    }

    /** Every station, waiters first. */
    public List<Station> stations() {
        return List.of(anna, ben, kitchen);
    }

    /** The kitchen's printer, to see what it printed. */
    public KitchenPrinter printer() {
        return printer;
    }

    /** The WebSocket port the hub listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        for (Station station : stations()) {
            station.close();
        }
        server.close();
        hub.close();
        hubStore.close();
        terminalStores.forEach(SqliteTerminalStore::close);
    }
}
