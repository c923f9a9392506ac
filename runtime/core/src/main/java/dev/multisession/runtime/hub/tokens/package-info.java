/**
 * Bearer tokens: how they are made and hashed, and how a batch of terminals to issue them for is
 * checked. Only the SHA-256 of a token is ever stored or compared; the clear token is shown once,
 * when it is created.
 */
package dev.multisession.runtime.hub.tokens;
