package com.acme.kinds;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A model with a field of every value kind the schema describes. */
public class EveryKind {
    public enum Course { STARTER, MAIN, DESSERT }

    public static class Part {
        @MultiSessionId long code;
        @MultiSessionField String label;
    }

    public static class Note {
        @MultiSessionField String text;
    }

    @MultiSessionId UUID id;
    @MultiSessionField byte tiny;
    @MultiSessionField(merge = Merge.COUNTER) Long count;
    @MultiSessionField BigInteger huge;
    @MultiSessionField BigDecimal price;
    @MultiSessionField double ratio;
    @MultiSessionField char mark;
    @MultiSessionField Boolean done;
    @MultiSessionField Course course;
    @MultiSessionField Instant at;
    @MultiSessionField LocalDate day;
    @MultiSessionField List<String> tags;
    @MultiSessionField Set<Integer> seats;
    @MultiSessionField Map<String, BigDecimal> extras;
    @MultiSessionField Note note;
    @MultiSessionField List<Part> parts;
    @MultiSessionField Set<Note> notes;
    @MultiSessionField int[] bound;
}
