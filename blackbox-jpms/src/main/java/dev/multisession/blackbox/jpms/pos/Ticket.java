package dev.multisession.blackbox.jpms.pos;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An order of the module. */
public class Ticket {
    @MultiSessionId String uid;
    @MultiSessionField("table_id") String table;
    @MultiSessionField(value = "guests", merge = Merge.COUNTER) int guests;
    @MultiSessionField LocalDate day;
    @MultiSessionField BigDecimal tip;
    @MultiSessionField List<Line> lines = new ArrayList<>();

    /** An empty ticket, as the codec creates it. */
    public Ticket() {}

    /** @return the table */
    public String table() {
        return table;
    }

    /** @return the lines, in order */
    public List<Line> lines() {
        return lines;
    }
}
