/**
 * The hub's engine: {@link dev.multisession.runtime.hub.Hub} opens connections, closes days and
 * holds its {@link dev.multisession.runtime.hub.HubConfig}; inside, a message is checked by
 * {@link dev.multisession.runtime.hub.MessageChecks}, queued per session, decided by the pure
 * {@code MutationRules} against a working copy of the session in one store transaction per
 * batch, and sent on by the session's {@code Broadcaster}. What a store or a server transport
 * implements is in {@link dev.multisession.runtime.hub.spi}. See docs/ARCHITECTURE.md.
 */
package dev.multisession.runtime.hub;
