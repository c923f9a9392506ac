package dev.multisession.runtime.codec.abi;

import static dev.multisession.runtime.codec.abi.ValueErrors.notA;
import static dev.multisession.runtime.codec.abi.ValueErrors.nullOrWrongType;
import static dev.multisession.runtime.codec.abi.ValueErrors.wrongType;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads strings, numbers, booleans and enums from the JSON node of a field: plain static calls
 * that the JIT inlines at every call site of generated code. A primitive's method
 * ({@code readInt}) rejects JSON null; its box's ({@code readIntOrNull}) gives {@code null}. Every
 * error is an {@link IllegalArgumentException} that names the key.
 */
public final class ValueReads {

    /** The longest number text read, as Jackson's default for a JSON number. */
    private static final int MAX_NUMBER_TEXT = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

    private static final String A_BOOLEAN = "a boolean";
    private static final String A_NUMBER = "a number";
    static final String A_STRING = "a string";

    private ValueReads() {}

    /** A string; JSON null gives {@code null}. */
    public static String readString(JsonNode node, String key) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull()) {
            return null;
        }
        throw wrongType(key, A_STRING, node);
    }

    /** A {@code boolean} field's value; JSON null is an error. */
    public static boolean readBoolean(JsonNode node, String key) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw nullOrWrongType(key, A_BOOLEAN, node);
    }

    /** A {@code Boolean}; JSON null gives {@code null}. */
    public static Boolean readBooleanOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readBoolean(node, key);
    }

    /** A {@code byte} field's value, range-checked; JSON null is an error. */
    public static byte readByte(JsonNode node, String key) {
        return (byte) integral(node, key, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** A {@code Byte}, range-checked; JSON null gives {@code null}. */
    public static Byte readByteOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readByte(node, key);
    }

    /** A {@code short} field's value, range-checked; JSON null is an error. */
    public static short readShort(JsonNode node, String key) {
        return (short) integral(node, key, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** A {@code Short}, range-checked; JSON null gives {@code null}. */
    public static Short readShortOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readShort(node, key);
    }

    /** An {@code int} field's value, range-checked; JSON null is an error. */
    public static int readInt(JsonNode node, String key) {
        if (node.isInt()) {
            return node.intValue();
        }
        return (int) integral(node, key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An {@code Integer}, range-checked; JSON null gives {@code null}. */
    public static Integer readIntOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readInt(node, key);
    }

    /** A {@code long} field's value; JSON null is an error. */
    public static long readLong(JsonNode node, String key) {
        if (node.isInt() || node.isLong()) {
            return node.longValue();
        }
        return integral(node, key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A {@code Long}; JSON null gives {@code null}. */
    public static Long readLongOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readLong(node, key);
    }

    /** A {@code float} field's value; JSON null is an error. */
    public static float readFloat(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.floatValue();
        }
        throw nullOrWrongType(key, A_NUMBER, node);
    }

    /** A {@code Float}; JSON null gives {@code null}. */
    public static Float readFloatOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readFloat(node, key);
    }

    /** A {@code double} field's value; JSON null is an error. */
    public static double readDouble(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw nullOrWrongType(key, A_NUMBER, node);
    }

    /** A {@code Double}; JSON null gives {@code null}. */
    public static Double readDoubleOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readDouble(node, key);
    }

    /** A {@code char} field's value from a one-character string; JSON null is an error. */
    public static char readChar(JsonNode node, String key) {
        if (node.isTextual() && node.textValue().length() == 1) {
            return node.textValue().charAt(0);
        }
        throw nullOrWrongType(key, "a one-character string", node);
    }

    /** A {@code Character} from a one-character string; JSON null gives {@code null}. */
    public static Character readCharOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readChar(node, key);
    }

    /** A {@code BigDecimal} from a number or a numeric string; JSON null gives {@code null}. */
    public static BigDecimal readBigDecimal(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(key, A_NUMBER, node);
        }
        checkNumberText(node.textValue(), key, A_NUMBER);
        try {
            BigDecimal value = new BigDecimal(node.textValue());
            if (Math.abs((long) value.scale()) > MAX_NUMBER_TEXT) {
                throw ValueErrors.invalid(key, "is not " + A_NUMBER + ": its exponent is beyond " + MAX_NUMBER_TEXT
                        + " places", null);
            }
            return value;
        } catch (NumberFormatException e) {
            throw notA(key, A_NUMBER, e);
        }
    }

    /** A {@code BigInteger} from an integral number or a numeric string; JSON null gives {@code null}. */
    public static BigInteger readBigInteger(JsonNode node, String key) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(key, "an integer", node);
        }
        checkNumberText(node.textValue(), key, "an integer");
        try {
            return new BigInteger(node.textValue());
        } catch (RuntimeException e) {
            throw notA(key, "an integer", e);
        }
    }

    /**
     * A number sent as a string is held to the length Jackson allows a JSON number
     * ({@code StreamReadConstraints}): parsing a longer one costs time that grows with its square.
     */
    private static void checkNumberText(String text, String key, String what) {
        if (text.length() > MAX_NUMBER_TEXT) {
            throw ValueErrors.invalid(key, "is not " + what + ": " + text.length() + " characters, more than "
                    + MAX_NUMBER_TEXT, null);
        }
    }

    /** An enum constant by its name; JSON null gives {@code null}. */
    public static <E extends Enum<E>> E readEnum(JsonNode node, String key, Class<E> type) {
        String name = readString(node, key);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (RuntimeException e) {
            throw notA(key, "one of " + type.getSimpleName() + "'s constant names", e);
        }
    }

    /** An integral value in [min, max]: an integer, or a floating-point number without a fraction. */
    private static long integral(JsonNode node, String key, long min, long max) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min && node.longValue() <= max
                || node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                        && node.doubleValue() >= min && node.doubleValue() <= max) {
            return node.longValue();
        }
        throw nullOrWrongType(key, "an integer between " + min + " and " + max, node);
    }
}
