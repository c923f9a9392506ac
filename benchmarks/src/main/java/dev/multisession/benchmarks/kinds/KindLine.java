package dev.multisession.benchmarks.kinds;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** A line of a {@link KindOrder}, matched by its uid. */
public class KindLine {
    @MultiSessionId
    @MultiSessionField
    public String uid;
    @MultiSessionField
    public String product;
    @MultiSessionField(merge = Merge.COUNTER)
    public int qty;
    @MultiSessionField
    public BigDecimal price;
    @MultiSessionField
    public Course course;
    @MultiSessionField
    public Set<String> modifiers;
    @MultiSessionField
    public Map<String, Integer> options;
}
