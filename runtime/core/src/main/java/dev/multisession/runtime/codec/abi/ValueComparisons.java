package dev.multisession.runtime.codec.abi;

import java.math.BigDecimal;

/** Equality for sync purposes where {@code equals} says too little: apply reports a key only when its value changed. */
public final class ValueComparisons {

    private ValueComparisons() {}

    /** Whether two decimals are the same amount: 2.5 and 2.50 are, as a JSON parser may drop the trailing zero. */
    public static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
