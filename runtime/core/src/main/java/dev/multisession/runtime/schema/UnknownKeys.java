package dev.multisession.runtime.schema;

/**
 * What a hub does with a key its schema does not know, such as a field a newer terminal syncs
 * before the hub's model has it. docs/PROTOCOL.md, "The schema", explains the choice.
 */
public enum UnknownKeys {
    /** The operation is refused ({@code invalid}): nothing the hub cannot check is stored. The default. */
    REFUSE,
    /**
     * The operation is kept and passed on unchecked but for the protocol's limits; terminals whose
     * model lacks the key ignore it. For a rolling upgrade in which terminals move before the hub.
     */
    PASS_THROUGH
}
