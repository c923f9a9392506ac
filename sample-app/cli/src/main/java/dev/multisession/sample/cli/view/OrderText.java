package dev.multisession.sample.cli.view;

import dev.multisession.sample.restaurant.KitchenState;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Renders an order as a few lines of plain text, the way the terminals show it. */
public final class OrderText {

    private OrderText() {}

    /**
     * The order's header (number, table, guests, total) followed by its lines, numbered from 1.
     *
     * @param number the order's shared number, or 0 while the hub has not assigned one
     */
    public static List<String> render(long number, RestaurantOrder order) {
        List<String> text = new ArrayList<>();
        text.add(header(number, order));
        if (order.getOrderNote() != null && !order.getOrderNote().isBlank()) {
            text.add("   note: " + order.getOrderNote());
        }
        int index = 1;
        for (RestaurantOrderline line : order.getLines()) {
            text.add(String.format("   %d. %d x %s %s%s%s", index++, line.getQty(), line.getProduct(),
                    money(line.getPrice()), kitchenMark(line),
                    line.getKitchenNote() == null ? "" : " (" + line.getKitchenNote() + ")"));
        }
        return text;
    }

    /** One line: "#3 table T4 Terrace, 2 guests, 3 lines, 41.50". */
    public static String header(long number, RestaurantOrder order) {
        return String.format("%s table %s%s, %s, %s, %s", label(number), order.getTable(),
                order.getFloor() == null ? "" : " " + order.getFloor(), count(order.getGuests(), "guest"),
                count(order.getLines().size(), "line"), money(order.total()));
    }

    /** "#3", or "#?" while the hub has not numbered the order yet. */
    public static String label(long number) {
        return number > 0 ? "#" + number : "#?";
    }

    /** An amount with two decimals, whatever scale it travelled with. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String kitchenMark(RestaurantOrderline line) {
        if (line.awaitsKitchen()) {
            return " [to kitchen]";
        }
        if (line.getKitchenState() == KitchenState.SENT) {
            return " [sent]";
        }
        return "";
    }
}
