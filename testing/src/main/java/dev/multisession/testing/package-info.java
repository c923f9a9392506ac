/**
 * A test kit for applications built on multisession: {@link dev.multisession.testing.TestSession}
 * makes a hub and terminals in memory on {@link dev.multisession.testing.VirtualTime}, with a
 * {@link dev.multisession.testing.TestLink} per terminal to take it offline and to drop,
 * duplicate, delay or reorder its messages ({@link dev.multisession.testing.LinkFaults}). See
 * docs/TESTING.md.
 */
package dev.multisession.testing;
