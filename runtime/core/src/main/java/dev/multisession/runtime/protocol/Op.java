package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One change to an order's JSON, as a terminal sends it and the hub records and broadcasts
 * it. Operations are applied by {@code dev.multisession.runtime.merge.MergeEngine}, the same
 * code on the hub and on every terminal, so states that see the same operations in the same
 * order are equal.
 *
 * <p>JSON: {@code {"op":"set","path":[...],"value":...}}, {@code {"op":"add","path":[...],"delta":1}},
 * {@code {"op":"insert","path":[...,{"uid":"L1"}],"value":{...}}},
 * {@code {"op":"delete","path":[...,{"uid":"L1"}]}}, {@code {"op":"unset","path":["notes","k"]}},
 * {@code {"op":"include","path":["tables"],"value":5}}, {@code {"op":"exclude","path":["tables"],"value":5}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Op.Set.class, name = "set"),
    @JsonSubTypes.Type(value = Op.Add.class, name = "add"),
    @JsonSubTypes.Type(value = Op.Insert.class, name = "insert"),
    @JsonSubTypes.Type(value = Op.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = Op.Unset.class, name = "unset"),
    @JsonSubTypes.Type(value = Op.Include.class, name = "include"),
    @JsonSubTypes.Type(value = Op.Exclude.class, name = "exclude")
})
public sealed interface Op {

    /** Where the operation applies; never empty. */
    List<PathStep> path();

    /** Sets the value at {@code path} (last writer wins). The last step is a {@link PathStep.Key}. */
    record Set(List<PathStep> path, JsonNode value) implements Op {
        public Set {
            path = checkedPath(path, PathStep.Key.class);
            Objects.requireNonNull(value, "value (use NullNode for null)");
        }
    }

    /** Adds {@code delta} to the number at {@code path} (a {@code COUNTER} field; missing counts as 0). */
    record Add(List<PathStep> path, JsonNode delta) implements Op {
        public Add {
            path = checkedPath(path, PathStep.Key.class);
            Objects.requireNonNull(delta, "delta");
            if (!delta.isNumber()) {
                throw new IllegalArgumentException("delta must be a JSON number, not " + delta);
            }
        }
    }

    /**
     * Inserts {@code value} as a new element of the array the path leads to; the last step is
     * the {@link PathStep.Element} naming the new element's id, and {@code value} carries the
     * same id. {@code afterId} is the id of the element it follows in the sender's list (JSON
     * null: at the front); when that element is gone the value is appended.
     */
    record Insert(List<PathStep> path, ObjectNode value, JsonNode afterId) implements Op {
        public Insert {
            path = checkedPath(path, PathStep.Element.class);
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(afterId, "afterId (use NullNode for the front)");
        }

        /** The element step naming the inserted element. */
        public PathStep.Element element() {
            return (PathStep.Element) path.get(path.size() - 1);
        }
    }

    /** Removes the array element the path's last step selects; nothing if it is already gone. */
    record Delete(List<PathStep> path) implements Op {
        public Delete {
            path = checkedPath(path, PathStep.Element.class);
        }

        /** The element step naming the removed element. */
        public PathStep.Element element() {
            return (PathStep.Element) path.get(path.size() - 1);
        }
    }

    /**
     * Removes the member the path's last step names from its object: one key of a synced
     * {@code Map}; nothing if it is already gone. The last step is a {@link PathStep.Key}.
     */
    record Unset(List<PathStep> path) implements Op {
        public Unset {
            path = checkedPath(path, PathStep.Key.class);
        }
    }

    /**
     * Adds {@code value} to the array at {@code path} (a synced {@code Set}, created if missing)
     * unless an equal value is there; concurrent inclusions of different values all stay. The
     * last step is a {@link PathStep.Key}.
     */
    record Include(List<PathStep> path, JsonNode value) implements Op {
        public Include {
            path = checkedPath(path, PathStep.Key.class);
            Objects.requireNonNull(value, "value (use NullNode for null)");
        }
    }

    /**
     * Removes every value equal to {@code value} from the array at {@code path} (a synced
     * {@code Set}); nothing if none is there. The last step is a {@link PathStep.Key}.
     */
    record Exclude(List<PathStep> path, JsonNode value) implements Op {
        public Exclude {
            path = checkedPath(path, PathStep.Key.class);
            Objects.requireNonNull(value, "value (use NullNode for null)");
        }
    }

    private static List<PathStep> checkedPath(List<PathStep> path, Class<? extends PathStep> last) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an operation's path must not be empty");
        }
        if (!last.isInstance(path.get(path.size() - 1))) {
            throw new IllegalArgumentException("this operation's path must end with a "
                    + (last == PathStep.Key.class ? "key" : "{idKey: id} element step") + ": " + path);
        }
        return List.copyOf(path);
    }
}
