package dev.multisession.processor;

import dev.multisession.processor.SchemaModel.BooleanKind;
import dev.multisession.processor.SchemaModel.DecimalKind;
import dev.multisession.processor.SchemaModel.FloatingKind;
import dev.multisession.processor.SchemaModel.FormattedKind;
import dev.multisession.processor.SchemaModel.IntegerKind;
import dev.multisession.processor.SchemaModel.Kind;
import dev.multisession.processor.SchemaModel.TextKind;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schema kind of every type the codecs convert without data binding (the built-in types of
 * {@code dev.multisession.codec.abi.BuiltInTypes}), by the type's name as javac spells it.
 */
final class SchemaKinds {

    private static final Map<String, Kind> BY_TYPE = new HashMap<>();

    static {
        integer("byte", "java.lang.Byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
        integer("short", "java.lang.Short", Short.MIN_VALUE, Short.MAX_VALUE);
        integer("int", "java.lang.Integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
        integer("long", "java.lang.Long", Long.MIN_VALUE, Long.MAX_VALUE);
        BY_TYPE.put("java.math.BigInteger", new IntegerKind("java.math.BigInteger", null, null));
        BY_TYPE.put("java.math.BigDecimal", new DecimalKind());
        for (String floating : new String[] {"float", "java.lang.Float", "double", "java.lang.Double"}) {
            BY_TYPE.put(floating, new FloatingKind(floating));
        }
        BY_TYPE.put("boolean", new BooleanKind());
        BY_TYPE.put("java.lang.Boolean", new BooleanKind());
        BY_TYPE.put("char", new TextKind("char", 1));
        BY_TYPE.put("java.lang.Character", new TextKind("java.lang.Character", 1));
        BY_TYPE.put("java.lang.String", new TextKind("java.lang.String", null));
        formatted("uuid", "java.util.UUID", "uuid");
        // JSON Schema formats only where the ISO-8601 text Java writes always matches the RFC 3339 one
        formatted("instant", "java.time.Instant", "date-time");
        formatted("local-date", "java.time.LocalDate", "date");
        formatted("local-date-time", "java.time.LocalDateTime", null);
        formatted("local-time", "java.time.LocalTime", null);
        formatted("offset-date-time", "java.time.OffsetDateTime", "date-time");
        formatted("offset-time", "java.time.OffsetTime", "time");
        formatted("zoned-date-time", "java.time.ZonedDateTime", null);
        formatted("duration", "java.time.Duration", "duration");
        formatted("period", "java.time.Period", "duration");
        formatted("year", "java.time.Year", null);
        formatted("year-month", "java.time.YearMonth", null);
        formatted("zone-id", "java.time.ZoneId", null);
    }

    private SchemaKinds() {}

    /** The kind of a built-in type ({@code int}, {@code java.util.UUID}), if it is one. */
    static Optional<Kind> of(String typeName) {
        return Optional.ofNullable(BY_TYPE.get(typeName));
    }

    private static void integer(String primitive, String box, long min, long max) {
        IntegerKind kind = new IntegerKind(primitive, BigInteger.valueOf(min), BigInteger.valueOf(max));
        BY_TYPE.put(primitive, kind);
        BY_TYPE.put(box, new IntegerKind(box, kind.minimum(), kind.maximum()));
    }

    private static void formatted(String name, String javaType, String format) {
        BY_TYPE.put(javaType, new FormattedKind(name, javaType, format));
    }
}
