package dev.multisession.runtime.protocol;

/** A message that is not valid JSON or not a valid protocol message; {@link #code()} is a {@link Reason} code. */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The {@link Reason} code to put in the error reply. */
    public String code() {
        return code;
    }
}
