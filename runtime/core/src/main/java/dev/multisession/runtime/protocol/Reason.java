package dev.multisession.runtime.protocol;

/** The stable codes of {@link HubMessage.Error}, {@link HubMessage.Rejected} and dropped operations. */
public final class Reason {
    /** The order was removed or paid; updates to it are refused. */
    public static final String ORDER_REMOVED = "order_removed";
    /** The mutation belongs to an earlier run (the day was closed). */
    public static final String STALE_RUN = "stale_run";
    /** The operation targets a collection element another terminal removed. */
    public static final String ELEMENT_REMOVED = "element_removed";
    /** The operation does not fit the order's JSON (for example adding to a text). */
    public static final String TYPE_MISMATCH = "type_mismatch";
    /** An operation whose result would break the protocol's number bounds ({@link ValueLimits}); it was dropped. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /**
     * The operation does not fit the session's model (a key it does not declare, a value of the
     * wrong kind or out of its field's range, an {@code add} on a field that is not a counter, an
     * element step or id that does not match); it was dropped and changed nothing. As the reason
     * of a rejected mutation: the order it would leave does not carry its own uid as its id.
     */
    public static final String INVALID = "invalid";
    /** The message is not valid JSON or not a valid protocol message. */
    public static final String MALFORMED = "malformed";
    /** The message type is not known. */
    public static final String UNKNOWN_TYPE = "unknown_type";
    /** The message is valid but not allowed now (for example before hello, or for another session). */
    public static final String FORBIDDEN = "forbidden";
    /** Authentication failed. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The message is larger than the hub accepts, or the order it would make breaks {@link OrderLimits}. */
    public static final String TOO_LARGE = "too_large";
    /** The terminal sends faster than the hub allows. */
    public static final String RATE_LIMITED = "rate_limited";

    /** The terminal speaks a protocol version the hub does not; its hello is refused. */
    public static final String UNSUPPORTED_PROTOCOL = "unsupported_protocol";

    /** The hub failed while handling the message; nothing was changed, and the terminal may retry. */
    public static final String INTERNAL = "internal";

    private Reason() {}
}
