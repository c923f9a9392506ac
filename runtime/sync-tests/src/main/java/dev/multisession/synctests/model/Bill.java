package dev.multisession.synctests.model;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An order with collections of values: notes by kind, tables joined, drinks counted by kind, tags, rounds. */
public class Bill {
    @MultiSessionId public String uid;
    @MultiSessionField public Map<String, String> notes = new LinkedHashMap<>();
    @MultiSessionField public Set<Integer> tables = new LinkedHashSet<>();
    @MultiSessionField(merge = Merge.COUNTER) public Map<String, Integer> drinks = new LinkedHashMap<>();
    @MultiSessionField public List<String> tags = new ArrayList<>();
    @MultiSessionField public List<Round> rounds = new ArrayList<>();
}
