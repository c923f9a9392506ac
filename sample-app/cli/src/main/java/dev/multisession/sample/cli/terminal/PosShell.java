package dev.multisession.sample.cli.terminal;

import dev.multisession.runtime.terminal.Conflict;
import dev.multisession.runtime.terminal.Edit;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.sample.cli.view.OrderText;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A line-based point of sale: reads commands from an input stream, changes the orders of its
 * terminal, and prints what it did and what other terminals changed, as they arrive.
 *
 * <p>Orders are named by their shared number ({@code 3} or {@code #3}) or by their table
 * ({@code T4}); lines by their position in the order, from 1.
 */
public final class PosShell {

    static final String HELP = String.join(System.lineSeparator(),
            "Commands:",
            "  orders                             list the open orders",
            "  open <table> [guests] [floor]      open an order for a table",
            "  add <order> <product> <price> [qty] add a product (qty 1 by default)",
            "  qty <order> <line> <+n|-n|n>       change a line's quantity by n, or set it to n",
            "  note <order> <text>                set the order's note for the kitchen",
            "  linenote <order> <line> <text>     set a line's note for the cook",
            "  send <order>                       send the order's new lines to the kitchen",
            "  pay <order>                        take the payment; the receipt prints once the hub confirms it",
            "  help                               this list",
            "  quit                               leave",
            "<order> is the order's number (3 or #3) or its table (T4); <line> is its position, from 1.");

    private final Terminal<RestaurantOrder> terminal;
    private final ExecutorService uiThread;
    private final PrintStream out;
    private final Clock clock;

    /**
     * @param terminal the terminal, built with {@code uiThread} as its executor and not yet started
     * @param uiThread the one thread that touches the orders
     * @param out where everything is printed
     */
    public PosShell(Terminal<RestaurantOrder> terminal, ExecutorService uiThread, PrintStream out, Clock clock) {
        this.terminal = terminal;
        this.uiThread = uiThread;
        this.out = out;
        this.clock = clock;
        terminal.addListener(new RemoteChanges());
    }

    /** Reads and runs commands until {@code quit} or the end of the input. */
    public void run(InputStream in) throws IOException {
        print("Terminal " + terminal.terminalId() + " ready. Type 'help' for the commands.");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String command = line.strip();
            if (command.equals("quit") || command.equals("exit")) {
                break;
            }
            if (!command.isEmpty()) {
                print(execute(command));
            }
        }
        print("Bye. " + onUiThread(() -> terminal.pendingMutations()) + " change(s) not yet confirmed by the hub"
                + " are kept by this terminal's store.");
    }

    /** Runs one command on the terminal's thread and returns what to print. */
    String execute(String commandLine) {
        String[] words = commandLine.split("\\s+");
        try {
            return onUiThread(() -> dispatch(words));
        } catch (IllegalArgumentException e) {
            return "Error: " + e.getMessage();
        }
    }

    private String dispatch(String[] words) {
        String[] args = Arrays.copyOfRange(words, 1, words.length);
        switch (words[0].toLowerCase()) {
            case "help":
                return HELP;
            case "orders":
                return orders();
            case "open":
                return open(args);
            case "add":
                return add(args);
            case "qty":
                return qty(args);
            case "note":
                return note(args);
            case "linenote":
                return lineNote(args);
            case "send":
                return send(args);
            case "pay":
                return pay(args);
            default:
                throw new IllegalArgumentException("unknown command '" + words[0] + "'. Type 'help' for the list.");
        }
    }

    private String orders() {
        List<RestaurantOrder> orders = terminal.orders();
        if (orders.isEmpty()) {
            return "No open orders. Open one with: open <table>";
        }
        StringBuilder text = new StringBuilder();
        for (RestaurantOrder order : orders) {
            for (String line : OrderText.render(terminal.number(order), order)) {
                text.append(text.length() == 0 ? "" : System.lineSeparator()).append(line);
            }
        }
        return text.toString();
    }

    private String open(String[] args) {
        need(args, 1, "open <table> [guests] [floor]");
        String table = args[0];
        if (findByTable(table) != null) {
            throw new IllegalArgumentException("table " + table + " already has an open order; add to it instead");
        }
        int guests = args.length > 1 ? integer(args[1], "guests") : 1;
        String floor = args.length > 2 ? String.join(" ", Arrays.copyOfRange(args, 2, args.length)) : null;
        RestaurantOrder order = terminal.newOrder(o -> {
            o.setTable(table);
            o.setGuests(guests);
            o.setFloor(floor);
            o.setCreatedAt(clock.instant());
        });
        return "Opened " + OrderText.header(terminal.number(order), order);
    }

    private String add(String[] args) {
        need(args, 3, "add <order> <product> <price> [qty]");
        RestaurantOrder order = order(args[0]);
        BigDecimal price = money(args[2]);
        int qty = args.length > 3 ? integer(args[3], "qty") : 1;
        RestaurantOrderline[] added = new RestaurantOrderline[1];
        terminal.edit(order, o -> added[0] = o.addProduct(args[1], price, qty));
        return "Added " + qty + " x " + args[1] + ": " + OrderText.header(terminal.number(order), order);
    }

    private String qty(String[] args) {
        need(args, 3, "qty <order> <line> <+n|-n|n>");
        RestaurantOrder order = order(args[0]);
        RestaurantOrderline line = line(order, args[1]);
        String amount = args[2];
        int delta = amount.startsWith("+") || amount.startsWith("-")
                ? integer(amount, "quantity change")
                : integer(amount, "quantity") - line.getQty();
        terminal.edit(order, o -> line.changeQty(delta));
        return line.getProduct() + " is now " + line.getQty();
    }

    private String note(String[] args) {
        need(args, 2, "note <order> <text>");
        RestaurantOrder order = order(args[0]);
        String text = String.join(" ", Arrays.copyOfRange(args, 1, args.length));
        terminal.edit(order, o -> o.setOrderNote(text));
        return "Note of " + OrderText.label(terminal.number(order)) + ": " + text;
    }

    private String lineNote(String[] args) {
        need(args, 3, "linenote <order> <line> <text>");
        RestaurantOrder order = order(args[0]);
        RestaurantOrderline line = line(order, args[1]);
        String text = String.join(" ", Arrays.copyOfRange(args, 2, args.length));
        terminal.edit(order, o -> line.setKitchenNote(text));
        return "Note for the cook on " + line.getProduct() + ": " + text;
    }

    private String send(String[] args) {
        need(args, 1, "send <order>");
        RestaurantOrder order = order(args[0]);
        int[] fired = new int[1];
        terminal.edit(order, o -> fired[0] = o.fire().size());
        return fired[0] == 0
                ? "Nothing new to send for " + OrderText.label(terminal.number(order))
                : "Sent " + fired[0] + " line(s) of " + OrderText.label(terminal.number(order))
                        + " to the kitchen screen, which prints the ticket";
    }

    /**
     * Takes the payment; the receipt is printed only once the hub confirmed it (offline, when the
     * terminal is back): until then another terminal's change or the hub's refusal could still
     * make it wrong.
     */
    private String pay(String[] args) {
        need(args, 1, "pay <order>");
        RestaurantOrder order = order(args[0]);
        String what = OrderText.money(order.total()) + " for " + OrderText.label(terminal.number(order))
                + " (table " + order.getTable() + ")";
        Edit<RestaurantOrder> payment = terminal.remove(order, true);
        payment.confirmation().whenComplete((confirmed, failure) -> {
            if (failure == null) {
                print("Receipt: paid " + what + ", order " + OrderText.label(confirmed.number())
                        + " confirmed by the hub; the order is closed");
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                print("NO receipt for " + what + ": the payment was not confirmed (" + cause.getMessage() + ")");
            }
        });
        return "Payment of " + what + " taken; the receipt prints once the hub confirms it";
    }

    private RestaurantOrder order(String ref) {
        String number = ref.startsWith("#") ? ref.substring(1) : ref;
        if (!number.isEmpty() && number.chars().allMatch(Character::isDigit)) {
            long wanted = Long.parseLong(number);
            for (RestaurantOrder order : terminal.orders()) {
                if (terminal.number(order) == wanted) {
                    return order;
                }
            }
        }
        RestaurantOrder byTable = findByTable(ref);
        if (byTable == null) {
            throw new IllegalArgumentException("no open order numbered or at table '" + ref
                    + "'. Type 'orders' to list them.");
        }
        return byTable;
    }

    private RestaurantOrder findByTable(String table) {
        return terminal.orders().stream().filter(o -> table.equalsIgnoreCase(o.getTable())).findFirst().orElse(null);
    }

    private static RestaurantOrderline line(RestaurantOrder order, String position) {
        int index = integer(position, "line number");
        if (index < 1 || index > order.getLines().size()) {
            throw new IllegalArgumentException("line " + position + " does not exist: the order has "
                    + order.getLines().size() + " line(s), numbered from 1");
        }
        return order.getLines().get(index - 1);
    }

    private static void need(String[] args, int count, String usage) {
        if (args.length < count) {
            throw new IllegalArgumentException("missing arguments. Usage: " + usage);
        }
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + text + "'");
        }
    }

    private static BigDecimal money(String text) {
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("price must not be negative, got " + text);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price must be a number such as 4.50, not '" + text + "'");
        }
    }

    private <T> T onUiThread(java.util.concurrent.Callable<T> work) {
        try {
            return uiThread.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e.getCause();
            }
            throw new IllegalArgumentException("the command failed: " + e.getCause());
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** Prints what other terminals changed, as it arrives. */
    private final class RemoteChanges implements TerminalListener<RestaurantOrder> {
        @Override
        public void orderAdded(RestaurantOrder order) {
            print("* new order " + OrderText.header(terminal.number(order), order));
        }

        @Override
        public void orderUpdated(RestaurantOrder order, Set<String> changedKeys) {
            print("* " + OrderText.header(terminal.number(order), order) + " (changed " + String.join(", ", changedKeys)
                    + ")");
        }

        @Override
        public void orderRemoved(RestaurantOrder order, boolean finalized) {
            print("* order of table " + order.getTable() + (finalized ? " was paid" : " was dropped"));
        }

        @Override
        public void conflict(Conflict conflict) {
            print("* the hub did not take a change (" + conflict.reason() + "): " + conflict.message());
        }

        @Override
        public void connectionChanged(boolean online) {
            print(online ? "* online, in sync with the hub" : "* offline: changes are kept and sent on reconnect");
        }
    }
}
