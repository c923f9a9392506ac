package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.merge.JsonValues;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Makes the id of a new order whose constructor gave none, of the kind its {@code @MultiSessionId}
 * field holds, so that ids made on different terminals of a session never collide:
 *
 * <ul>
 *   <li>{@code String}: {@code <terminal id>-<random UUID>};</li>
 *   <li>{@code UUID}: a random (version 4) UUID;</li>
 *   <li>{@code long}/{@code Long}: {@code terminalNumber × 2^43 + n}, where the terminal number
 *       (1 to {@value #MAX_TERMINAL_NUMBER}) is unique in the session and {@code n} rises with
 *       the clock's milliseconds and never repeats on one terminal; every id stays below 2^53,
 *       so JavaScript clients read it exactly;</li>
 *   <li>{@code int}/{@code Integer}: none, 32 bits cannot hold a terminal-scoped scheme; the
 *       constructor or {@link Terminal.Builder#orderIds} must give the id.</li>
 * </ul>
 *
 * The kind is found once, when the terminal is built, by asking the codec which JSON value its
 * id field takes ({@code @MultiSessionId} is not visible at run time).
 */
final class OrderIds {

    /** The largest terminal number the {@code long} scheme can hold (10 bits). */
    static final int MAX_TERMINAL_NUMBER = 1023;
    /** Bits of the per-terminal part of a {@code long} id. */
    static final int COUNTER_BITS = 43;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long COUNTER_LIMIT = 1L << COUNTER_BITS;

    /** What an id field holds, as far as making ids goes. */
    enum Kind { TEXT, UUID, LONG, INT }

    private final Kind kind;
    private final String terminalId;
    private final Supplier<String> custom;
    private final int terminalNumber;
    private final LongSupplier clock;
    private long last;

    private OrderIds(Kind kind, String terminalId, Supplier<String> custom, int terminalNumber, LongSupplier clock) {
        this.kind = kind;
        this.terminalId = terminalId;
        this.custom = custom;
        this.terminalNumber = terminalNumber;
        this.clock = clock;
    }

    /**
     * The id maker for orders of {@code codec}.
     *
     * @param custom the application's id supplier, or null
     * @param terminalNumber the terminal's number for {@code long} ids, or 0 when none was given
     */
    static OrderIds of(MultiSessionCodec<?> codec, String terminalId, Supplier<String> custom, int terminalNumber,
            LongSupplier clock) {
        return new OrderIds(kindOf(codec), terminalId, custom, terminalNumber, clock);
    }

    /** The kind of id {@code codec}'s model takes, found by offering its id field one value of each kind. */
    static Kind kindOf(MultiSessionCodec<?> codec) {
        if (accepts(codec, TextNode.valueOf("not-a-uuid"))) {
            return Kind.TEXT;
        }
        if (accepts(codec, TextNode.valueOf(new UUID(1, 1).toString()))) {
            return Kind.UUID;
        }
        if (accepts(codec, LongNode.valueOf(Long.MAX_VALUE))) {
            return Kind.LONG;
        }
        return Kind.INT;
    }

    private static <T> boolean accepts(MultiSessionCodec<T> codec, JsonNode id) {
        ObjectNode json = JSON.objectNode().set(codec.idKey().orElseThrow(), id);
        T probe = codec.newInstance();
        try {
            codec.initFromJson(probe, json);
        } catch (IllegalArgumentException wrongKind) {
            return false;
        }
        return JsonValues.same(codec.exportId(probe), id);
    }

    /** Why this terminal cannot make ids, or null if it can. */
    String problem(String modelName) {
        if (custom != null) {
            return null;
        }
        if (kind == Kind.INT) {
            return "the order model " + modelName + " has an int/Integer @MultiSessionId, and 32 bits cannot hold ids"
                    + " that never collide across terminals: use String, UUID or long/Long (with .terminalNumber(n)),"
                    + " or give every new order its id in the constructor or with .orderIds(...)";
        }
        if (kind == Kind.LONG && terminalNumber == 0) {
            return "the order model " + modelName + " has a long/Long @MultiSessionId: call .terminalNumber(n) with"
                    + " a number from 1 to " + MAX_TERMINAL_NUMBER + " that no other terminal of the session has, so"
                    + " that ids made here never collide with theirs (or give ids with .orderIds(...))";
        }
        return null;
    }

    /** Makes sure the next {@code long} id lies above {@code used}, an id this terminal made earlier. */
    void used(JsonNode id) {
        if (kind == Kind.LONG && terminalNumber > 0 && id != null && id.canConvertToLong()
                && id.longValue() >>> COUNTER_BITS == terminalNumber) {
            last = Math.max(last, id.longValue() & (COUNTER_LIMIT - 1));
        }
    }

    /**
     * The next id, as the JSON value the id field takes.
     *
     * @throws IllegalStateException if ids of this kind cannot be made (see {@link #problem}), or
     *     the application's supplier gave a value the id field does not take
     */
    JsonNode next(String modelName) {
        String problem = problem(modelName);
        if (problem != null) {
            throw new IllegalStateException("cannot give the new order an id: " + problem);
        }
        if (custom != null) {
            return custom(modelName);
        }
        return switch (kind) {
            case TEXT -> TextNode.valueOf(terminalId + "-" + UUID.randomUUID());
            case UUID -> TextNode.valueOf(UUID.randomUUID().toString());
            case LONG -> LongNode.valueOf(((long) terminalNumber << COUNTER_BITS) | nextCount());
            case INT -> throw new IllegalStateException("unreachable: refused above");
        };
    }

    private JsonNode custom(String modelName) {
        String id = custom.get();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("the orderIds supplier gave " + (id == null ? "null" : "a blank id")
                    + " for a new " + modelName + "; it must give a new, non-blank id every time");
        }
        if (kind == Kind.TEXT || kind == Kind.UUID) {
            return TextNode.valueOf(id);
        }
        try {
            return LongNode.valueOf(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the orderIds supplier gave \"" + id + "\" for a new " + modelName
                    + ", whose @MultiSessionId is a number: give the id in decimal digits", e);
        }
    }

    private long nextCount() {
        long next = Math.max(last + 1, clock.getAsLong());
        if (next >= COUNTER_LIMIT) {
            throw new IllegalStateException("terminal " + terminalId + " has used up its long order ids");
        }
        last = next;
        return next;
    }
}
