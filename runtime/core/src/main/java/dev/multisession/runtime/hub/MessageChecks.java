package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.OrderLimits;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.protocol.ValueLimits;

/**
 * What can be said of a client message without looking at any session: fields the protocol
 * forbids outright, and a hello that names a terminal or session other than the one the
 * connection was authenticated for. The hub checks every message here before it is queued, and
 * a server transport may check here too, at its edge, to log and refuse early; either way the
 * answer is the same error. Stateless.
 */
public final class MessageChecks {

    private MessageChecks() {}

    /**
     * The error to answer {@code message} with, received on a connection authenticated for
     * {@code identity}; null if nothing is wrong that needs no session state to tell.
     */
    public static HubMessage.Error check(TerminalIdentity identity, ClientMessage message) {
        if (message == null) {
            return new HubMessage.Error(Reason.MALFORMED, "no message", null);
        }
        String invalid = invalidField(message);
        if (invalid != null) {
            return new HubMessage.Error(Reason.MALFORMED, invalid, referenceOf(message));
        }
        if (message instanceof ClientMessage.Hello hello && hello.protocol() != Hub.PROTOCOL) {
            return new HubMessage.Error(Reason.UNSUPPORTED_PROTOCOL, "this hub speaks protocol " + Hub.PROTOCOL
                    + ", not " + hello.protocol() + "; update the terminal or the hub", referenceOf(hello));
        }
        if (message instanceof ClientMessage.Hello hello && !names(identity, hello)) {
            return new HubMessage.Error(Reason.FORBIDDEN, "this connection is authenticated for terminal \""
                    + identity.terminal() + "\" of session \"" + identity.session() + "\"; a hello must name them",
                    referenceOf(hello));
        }
        return null;
    }

    /** How replies refer to a message: {@code "mutate 7"}, {@code "remove 8"}, or its type. */
    public static String referenceOf(ClientMessage message) {
        if (message instanceof ClientMessage.Mutate mutate) {
            return "mutate " + mutate.mutationId();
        }
        if (message instanceof ClientMessage.Remove remove) {
            return "remove " + remove.mutationId();
        }
        return message == null ? null : message.type();
    }

    private static boolean names(TerminalIdentity identity, ClientMessage.Hello hello) {
        return identity.session().equals(hello.session()) && identity.terminal().equals(hello.terminal());
    }

    /** What is wrong with an order's uid as a mutation or removal names it; null if nothing. */
    private static String uidProblem(String order) {
        if (order.isEmpty()) {
            return "order must not be empty";
        }
        return order.length() > OrderLimits.MAX_UID_CHARS
                ? "order is at most " + OrderLimits.MAX_UID_CHARS + " characters, not " + order.length() : null;
    }

    /** What is wrong with the order's uid and the user a mutation or removal names; null if nothing. */
    private static String namesProblem(String order, String user) {
        String badUid = uidProblem(order);
        return badUid != null ? badUid : userProblem(user);
    }

    /** What is wrong with the user a message names (null: none); null if nothing. */
    private static String userProblem(String user) {
        return user != null && user.length() > Author.MAX_USER_CHARS
                ? "user is at most " + Author.MAX_USER_CHARS + " characters, not " + user.length() : null;
    }

    private static String invalidField(ClientMessage message) {
        if (message instanceof ClientMessage.Mutate mutate) {
            if (mutate.mutationId() < 1) {
                return "mutationId starts at 1";
            }
            String badName = namesProblem(mutate.order(), mutate.user());
            if (badName != null) {
                return badName;
            }
            if (mutate.baseRevision() < 0 || mutate.runId() < 0) {
                return "baseRevision and runId must not be negative";
            }
            for (Op op : mutate.ops()) {
                if (!(op.path().get(0) instanceof PathStep.Key)) {
                    return "an operation's path starts with a key of the order: " + op.path();
                }
                // what is stored must be what is broadcast: the hub does not fill in a missing id
                if (op instanceof Op.Insert insert && !insert.value().has(insert.element().idKey())) {
                    return "an inserted value carries its id: member \"" + insert.element().idKey()
                            + "\" is missing from the value of " + insert.path();
                }
            }
            return ValueLimits.DEFAULT.check(mutate.ops());
        }
        if (message instanceof ClientMessage.Remove remove) {
            if (remove.mutationId() < 1) {
                return "mutationId starts at 1";
            }
            String badName = namesProblem(remove.order(), remove.user());
            if (badName != null) {
                return badName;
            }
            return remove.baseRevision() < 0 || remove.runId() < 0 ? "baseRevision and runId must not be negative" : null;
        }
        if (message instanceof ClientMessage.Hello hello) {
            return hello.lastSeq() < 0 || hello.runId() < 0 ? "runId and lastSeq must not be negative"
                    : userProblem(hello.user());
        }
        if (message instanceof ClientMessage.Sync sync) {
            return sync.afterSeq() < 0 ? "afterSeq must not be negative" : null;
        }
        return null;
    }
}
