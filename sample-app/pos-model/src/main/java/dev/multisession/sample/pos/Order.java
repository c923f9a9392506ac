package dev.multisession.sample.pos;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open order of the point of sale, shared by every terminal of a multi-session.
 *
 * <p>Extensions bind {@code L} to their own line class ({@code RestaurantOrder extends
 * Order<RestaurantOrderline>}); the generated code of such a subclass then creates lines of that
 * class when another terminal adds one.
 *
 * @param <L> the class of the order's lines
 */
public class Order<L extends Orderline> {

    @MultiSessionId
    private String uid;

    @MultiSessionField
    private List<L> lines = new ArrayList<>();

    @MultiSessionField
    private Partner partner;

    @MultiSessionField
    private String note;

    @MultiSessionField("created_at")
    private Instant createdAt;

    /** For the generated codec; application code uses {@link #Order(String, Instant)}. */
    public Order() {}

    /** A new, empty order. */
    public Order(String uid, Instant createdAt) {
        this.uid = uid;
        this.createdAt = createdAt;
    }

    /** Appends a line. */
    public void addLine(L line) {
        lines.add(line);
    }

    /** Removes the line with this uid; false if there is none. */
    public boolean removeLine(String lineUid) {
        return lines.removeIf(line -> lineUid.equals(line.getUid()));
    }

    /** The line with this uid. */
    public Optional<L> line(String lineUid) {
        return lines.stream().filter(line -> lineUid.equals(line.getUid())).findFirst();
    }

    /** The sum of the lines' subtotals. */
    public BigDecimal total() {
        return lines.stream().map(Orderline::subtotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public List<L> getLines() {
        return lines;
    }

    public void setLines(List<L> lines) {
        this.lines = lines;
    }

    public Partner getPartner() {
        return partner;
    }

    public void setPartner(Partner partner) {
        this.partner = partner;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
