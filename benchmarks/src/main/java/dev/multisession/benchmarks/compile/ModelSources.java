package dev.multisession.benchmarks.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes annotated model classes the way an application has them: in groups of three, an order
 * with a list of lines, its line class, and a subclass of the order adding fields of its own.
 * Every class has private synced fields of the usual types with getters and setters and a little
 * business logic, so that the compile without the processor is a realistic baseline.
 */
final class ModelSources {

    static final String PACKAGE = "bench.models";

    private ModelSources() {}

    /** Writes {@code classes} sources (a multiple of three) under {@code root}; returns their paths. */
    static List<Path> write(Path root, int classes) throws IOException {
        if (classes % 3 != 0) {
            throw new IllegalArgumentException("classes come in groups of three, got " + classes);
        }
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int g = 0; g < classes / 3; g++) {
            files.add(write(dir, "Line" + g, line(g)));
            files.add(write(dir, "Order" + g, order(g)));
            files.add(write(dir, "TakeawayOrder" + g, takeaway(g)));
        }
        return files;
    }

    private static Path write(Path dir, String name, String source) throws IOException {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        return file;
    }

    private static String line(int g) {
        return """
                package %1$s;

                import dev.multisession.annotations.Merge;
                import dev.multisession.annotations.MultiSessionField;
                import dev.multisession.annotations.MultiSessionId;
                import java.math.BigDecimal;
                import java.math.RoundingMode;

                public class Line%2$d {
                    @MultiSessionId private String uid;
                    @MultiSessionField private String product;
                    @MultiSessionField private BigDecimal price = BigDecimal.ZERO;
                    @MultiSessionField private BigDecimal discount = BigDecimal.ZERO;
                    @MultiSessionField(merge = Merge.COUNTER) private int qty;
                    @MultiSessionField("kitchen_note") private String kitchenNote;
                    @MultiSessionField private boolean fired;

                    public Line%2$d() {}

                    public BigDecimal subtotal() {
                        BigDecimal gross = price.multiply(BigDecimal.valueOf(qty));
                        BigDecimal kept = BigDecimal.valueOf(100).subtract(discount).divide(BigDecimal.valueOf(100));
                        return gross.multiply(kept).setScale(2, RoundingMode.HALF_UP);
                    }

                    public void changeQty(int delta) { qty = Math.max(0, qty + delta); }

                    public String getUid() { return uid; }
                    public void setUid(String uid) { this.uid = uid; }
                    public String getProduct() { return product; }
                    public void setProduct(String product) { this.product = product; }
                    public BigDecimal getPrice() { return price; }
                    public void setPrice(BigDecimal price) { this.price = price; }
                    public BigDecimal getDiscount() { return discount; }
                    public void setDiscount(BigDecimal discount) { this.discount = discount; }
                    public int getQty() { return qty; }
                    public void setQty(int qty) { this.qty = qty; }
                    public String getKitchenNote() { return kitchenNote; }
                    public void setKitchenNote(String kitchenNote) { this.kitchenNote = kitchenNote; }
                    public boolean isFired() { return fired; }
                    public void setFired(boolean fired) { this.fired = fired; }
                }
                """.formatted(PACKAGE, g);
    }

    private static String order(int g) {
        return """
                package %1$s;

                import dev.multisession.annotations.MultiSessionField;
                import dev.multisession.annotations.MultiSessionId;
                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Optional;

                public class Order%2$d {
                    @MultiSessionId private String uid;
                    @MultiSessionField private List<Line%2$d> lines = new ArrayList<>();
                    @MultiSessionField private String note;
                    @MultiSessionField("created_at") private Instant createdAt;
                    @MultiSessionField private String table;
                    @MultiSessionField private int guests;
                    @MultiSessionField private List<String> tags = new ArrayList<>();

                    public Order%2$d() {}

                    public void addLine(Line%2$d line) { lines.add(line); }

                    public Optional<Line%2$d> line(String lineUid) {
                        return lines.stream().filter(l -> lineUid.equals(l.getUid())).findFirst();
                    }

                    public BigDecimal total() {
                        return lines.stream().map(Line%2$d::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
                    }

                    public String getUid() { return uid; }
                    public void setUid(String uid) { this.uid = uid; }
                    public List<Line%2$d> getLines() { return lines; }
                    public void setLines(List<Line%2$d> lines) { this.lines = lines; }
                    public String getNote() { return note; }
                    public void setNote(String note) { this.note = note; }
                    public Instant getCreatedAt() { return createdAt; }
                    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
                    public String getTable() { return table; }
                    public void setTable(String table) { this.table = table; }
                    public int getGuests() { return guests; }
                    public void setGuests(int guests) { this.guests = guests; }
                    public List<String> getTags() { return tags; }
                    public void setTags(List<String> tags) { this.tags = tags; }
                }
                """.formatted(PACKAGE, g);
    }

    private static String takeaway(int g) {
        return """
                package %1$s;

                import dev.multisession.annotations.MultiSessionField;
                import java.time.LocalTime;

                public class TakeawayOrder%2$d extends Order%2$d {
                    @MultiSessionField("pickup_at") private LocalTime pickupAt;
                    @MultiSessionField private String phone;
                    @MultiSessionField private boolean paid;

                    public TakeawayOrder%2$d() {}

                    public boolean due(LocalTime now) { return pickupAt != null && !now.isBefore(pickupAt.minusMinutes(10)); }

                    public LocalTime getPickupAt() { return pickupAt; }
                    public void setPickupAt(LocalTime pickupAt) { this.pickupAt = pickupAt; }
                    public String getPhone() { return phone; }
                    public void setPhone(String phone) { this.phone = phone; }
                    public boolean isPaid() { return paid; }
                    public void setPaid(boolean paid) { this.paid = paid; }
                }
                """.formatted(PACKAGE, g);
    }
}
