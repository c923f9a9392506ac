package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.UnknownSubtypes;
import dev.multisession.runtime.merge.JsonValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The app's model objects of the open orders and the JSON each one last showed: brings them to
 * what the {@link Replica} says is visible, through the codec, and tells the listeners. Not
 * thread-safe: the terminal guards it.
 */
final class OrderModels<O> {

    private final MultiSessionCodec<O> codec;
    private final Replica replica;
    private final Listeners<O> listeners;
    private final Map<String, O> models = new LinkedHashMap<>();
    private final Map<O, String> uids = new IdentityHashMap<>();
    private final Map<String, ObjectNode> shown = new HashMap<>();
    /** The unknown subtypes this terminal's listeners were told of (the codecs bound how many there are). */
    private final Set<String> subtypesWarned = new HashSet<>();
    private static final int MAX_SUBTYPES_WARNED = 1_000;

    OrderModels(MultiSessionCodec<O> codec, Replica replica, Listeners<O> listeners) {
        this.codec = codec;
        this.replica = replica;
        this.listeners = listeners;
    }

    /** Makes model objects for the orders of a restored state, without telling anyone. */
    void restore(Set<String> orders) {
        for (String uid : orders) {
            ObjectNode json = replica.visible(uid);
            if (json != null) {
                O model = codec.newInstance();
                codec.initFromJson(model, json);
                put(uid, model, json);
            }
        }
    }

    void put(String uid, O model, ObjectNode json) {
        models.put(uid, model);
        uids.put(model, uid);
        shown.put(uid, json);
    }

    void forget(String uid, O model) {
        models.remove(uid);
        uids.remove(model);
        shown.remove(uid);
    }

    boolean contains(String uid) {
        return models.containsKey(uid);
    }

    O model(String uid) {
        return models.get(uid);
    }

    /** The uid of one of these models, or null. */
    String uidOf(O model) {
        return uids.get(model);
    }

    List<O> all() {
        return List.copyOf(models.values());
    }

    /** The JSON the order shows now. */
    ObjectNode shown(String uid) {
        return shown.get(uid);
    }

    /** Records what an order shows after a local edit (the model object already has it). */
    void shownNow(String uid) {
        shown.put(uid, replica.visible(uid));
    }

    /**
     * Brings the model objects of these orders to their visible state and tells listeners. An
     * order whose JSON its codec cannot take (a value of the wrong kind) is left as it was, and
     * the others are still refreshed.
     *
     * @return for each order that could not be refreshed, what went wrong; empty if none
     */
    List<String> refresh(Set<String> orders, Map<String, Boolean> finalized) {
        List<String> failures = new ArrayList<>();
        for (String uid : orders) {
            try {
                // an element of a subtype this terminal lacks, read as its base, is told to the listeners
                UnknownSubtypes.listening(this::unknownSubtype, () -> refresh(uid, finalized));
            } catch (RuntimeException e) {
                failures.add("order " + uid + " cannot be applied: " + e.getMessage());
            }
        }
        return failures;
    }

    /** Tells the listeners of an unknown subtype once per terminal, whichever terminal of the JVM met it first. */
    private void unknownSubtype(String message) {
        if (subtypesWarned.size() < MAX_SUBTYPES_WARNED && subtypesWarned.add(message)) {
            listeners.warning(message);
        }
    }

    private void refresh(String uid, Map<String, Boolean> finalized) {
        ObjectNode next = replica.visible(uid);
        O model = models.get(uid);
        if (next == null) {
            shown.remove(uid);
            if (model != null) {
                models.remove(uid);
                uids.remove(model);
                listeners.orderRemoved(model, finalized.getOrDefault(uid, false));
            }
            return;
        }
        ObjectNode previous = shown.get(uid);
        if (model == null) {
            O created = codec.newInstance();
            codec.initFromJson(created, next);
            shown.put(uid, next);
            models.put(uid, created);
            uids.put(created, uid);
            listeners.orderAdded(created);
        } else if (previous == null || !JsonValues.same(previous, next)) {
            Set<String> changed = codec.applyMsData(model, next);
            // only once applied: an order that failed is tried again with the next state
            shown.put(uid, next);
            if (!changed.isEmpty()) {
                listeners.orderUpdated(model, changed);
            }
        }
    }
}
