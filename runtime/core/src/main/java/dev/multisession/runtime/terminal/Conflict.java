package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.Op;

/**
 * A change made on this terminal that the hub did not apply, in whole or in part.
 *
 * @param order the order's uid
 * @param mutationId the mutation the change travelled in
 * @param op the operation that was dropped, or null when the whole mutation was rejected
 * @param reason a {@link dev.multisession.runtime.protocol.Reason} code (for example
 *     {@code element_removed} when another terminal removed the line being edited)
 * @param message what happened, for people
 */
public record Conflict(String order, long mutationId, Op op, String reason, String message) {}
