package dev.multisession.runtime.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a synced value is, as the schema's {@code x-multisession-kind} says. Sealed so that a
 * kind added later (a per-element merged map, a polymorphic model with a type key) is one more
 * record that every switch over kinds must handle.
 */
public sealed interface ValueKind {

    /** How the kind reads in an error: {@code "an integer between 0 and 255"}. */
    String describe();

    /** An integral number; the bounds are empty for an unbounded one ({@code BigInteger}). */
    record IntegerKind(Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) implements ValueKind {
        public IntegerKind {
            Objects.requireNonNull(minimum, "minimum");
            Objects.requireNonNull(maximum, "maximum");
        }

        @Override
        public String describe() {
            return minimum.isPresent() && maximum.isPresent()
                    ? "an integer between " + minimum.get().toPlainString() + " and " + maximum.get().toPlainString()
                    : "an integer";
        }
    }

    /** An exact decimal number. */
    record DecimalKind() implements ValueKind {
        @Override
        public String describe() {
            return "a number";
        }
    }

    /** A binary floating point number. */
    record FloatingKind() implements ValueKind {
        @Override
        public String describe() {
            return "a number";
        }
    }

    /** A string; {@code exactLength} is 1 for a {@code char}. */
    record TextKind(Optional<Integer> exactLength) implements ValueKind {
        public TextKind {
            Objects.requireNonNull(exactLength, "exactLength");
        }

        @Override
        public String describe() {
            return exactLength.map(length -> "a string of " + length + " character" + (length == 1 ? "" : "s"))
                    .orElse("a string");
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanKind() implements ValueKind {
        @Override
        public String describe() {
            return "true or false";
        }
    }

    /** One of the enum's constant names. */
    record EnumKind(List<String> constants) implements ValueKind {
        public EnumKind {
            constants = List.copyOf(constants);
        }

        @Override
        public String describe() {
            return "one of " + constants;
        }
    }

    /** A string in the syntax of a {@link TextFormat} (a UUID, a {@code java.time} value). */
    record FormattedKind(TextFormat format) implements ValueKind {
        public FormattedKind {
            Objects.requireNonNull(format, "format");
        }

        @Override
        public String describe() {
            return format.describe();
        }
    }

    /** A JSON array of values of {@code element}. */
    record ListKind(ValueKind element, boolean elementNullable) implements ValueKind {
        public ListKind {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A set of values of {@code element}, written as a JSON array. */
    record SetKind(ValueKind element, boolean elementNullable) implements ValueKind {
        public SetKind {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A JSON object whose members are values of {@code value}. */
    record MapKind(ValueKind value, boolean valueNullable) implements ValueKind {
        public MapKind {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /** A nested model, by name in the {@link SessionSchema}. */
    record ModelKind(String model) implements ValueKind {
        public ModelKind {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /**
     * A list or set of models; its elements are matched by {@code idKey} (the element model's id)
     * when it has one, and paths may then step into them.
     */
    record ModelCollectionKind(String model, boolean set, Optional<String> idKey) implements ValueKind {
        public ModelCollectionKind {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(idKey, "idKey");
        }

        @Override
        public String describe() {
            return "an array of objects";
        }
    }

    /** A value written by Jackson data binding: any JSON within the protocol's limits. */
    record BoundKind() implements ValueKind {
        @Override
        public String describe() {
            return "any JSON value";
        }
    }
}
