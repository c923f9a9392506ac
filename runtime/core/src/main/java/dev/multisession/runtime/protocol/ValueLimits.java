package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The bounds every operation must keep, so that no message can make the hub do work or store
 * data out of proportion to its size, and whatever the hub accepts it can always read back:
 * how many operations one mutation holds, how deep a path and a value go, how long a string
 * is, and how large or fine a number is; and, in the same walk, that no text holds a lone UTF-16
 * surrogate (which would reach other terminals as {@code ?}) or the character U+0000 (which a
 * PostgreSQL store cannot keep). A number is checked by its digits and exponent only
 * ({@code 1e5000000} is refused at once, without being expanded). docs/PROTOCOL.md, "Limits",
 * lists the defaults.
 *
 * @param maxOps operations in one mutation
 * @param maxPathSteps steps of an operation's path
 * @param maxValueDepth nesting of a value (an object or array in an object is depth 2)
 * @param maxStringLength characters of a string or member name
 * @param maxIntegerDigits digits before the decimal point: every number is below 10 to this power
 * @param maxFractionDigits digits after the decimal point
 */
public record ValueLimits(int maxOps, int maxPathSteps, int maxValueDepth, int maxStringLength, int maxIntegerDigits,
        int maxFractionDigits) {

    /** The protocol's limits: 1,000 operations, 16 path steps, depth 32, 10,000 characters, |x| &lt; 10^38, 64 fraction digits. */
    public static final ValueLimits DEFAULT = new ValueLimits(1_000, 16, 32, 10_000, 38, 64);

    public ValueLimits {
        if (maxOps < 1 || maxPathSteps < 1 || maxValueDepth < 1 || maxStringLength < 1 || maxIntegerDigits < 1
                || maxFractionDigits < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxOps + ", " + maxPathSteps + ", "
                    + maxValueDepth + ", " + maxStringLength + ", " + maxIntegerDigits + ", " + maxFractionDigits);
        }
    }

    /** What in {@code ops} breaks a limit, said for a client author; null if nothing. */
    public String check(List<Op> ops) {
        if (ops.size() > maxOps) {
            return "a mutation holds at most " + maxOps + " operations, not " + ops.size();
        }
        for (int i = 0; i < ops.size(); i++) {
            String broken = check(ops.get(i));
            if (broken != null) {
                return "ops[" + i + "]: " + broken;
            }
        }
        return null;
    }

    /** What in one operation breaks a limit, said for a client author; null if nothing. */
    public String check(Op op) {
        if (op.path().size() > maxPathSteps) {
            return "a path has at most " + maxPathSteps + " steps, not " + op.path().size();
        }
        for (PathStep step : op.path()) {
            String broken = step instanceof PathStep.Key key ? text(key.name(), "a path key")
                    : value(((PathStep.Element) step).id(), "an element id", 1);
            if (broken != null) {
                return broken;
            }
        }
        if (op instanceof Op.Set set) {
            return value(set.value(), "the value", 1);
        }
        if (op instanceof Op.Add add) {
            return value(add.delta(), "the delta", 1);
        }
        if (op instanceof Op.Insert insert) {
            String broken = value(insert.value(), "the value", 1);
            return broken != null ? broken : value(insert.afterId(), "afterId", 1);
        }
        if (op instanceof Op.Include include) {
            return value(include.value(), "the value", 1);
        }
        if (op instanceof Op.Exclude exclude) {
            return value(exclude.value(), "the value", 1);
        }
        return null;
    }

    private String value(JsonNode node, String what, int depth) {
        if (node.isNumber()) {
            return number(node.decimalValue()) ? null : what + " " + tooLargeOrFine();
        }
        if (node.isTextual()) {
            return text(node.textValue(), what);
        }
        if (node.isContainerNode()) {
            if (depth > maxValueDepth) {
                return what + " is nested deeper than " + maxValueDepth + " levels";
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    String broken = value(element, what, depth + 1);
                    if (broken != null) {
                        return broken;
                    }
                }
                return null;
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String broken = text(member.getKey(), "a member name in " + what);
                if (broken == null) {
                    broken = value(member.getValue(), what, depth + 1);
                }
                if (broken != null) {
                    return broken;
                }
            }
        }
        return null;
    }

    private String text(String text, String what) {
        if (text.length() > maxStringLength) {
            return what + " is longer than " + maxStringLength + " characters";
        }
        String problem = TextChecks.problem(text, true);
        return problem == null ? null : what + " " + problem;
    }

    /** Whether {@code value} keeps the number bounds: checked by digits and exponent, never expanded. */
    public boolean number(BigDecimal value) {
        return value.scale() <= maxFractionDigits && (long) value.precision() - value.scale() <= maxIntegerDigits;
    }

    /** How the number rule reads in an error. */
    public String tooLargeOrFine() {
        return "must be below 10^" + maxIntegerDigits + " in size with at most " + maxFractionDigits
                + " digits after the point";
    }
}
