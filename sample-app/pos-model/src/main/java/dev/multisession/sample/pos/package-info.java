/**
 * The core point-of-sale model a vendor ships: {@link dev.multisession.sample.pos.Order},
 * {@link dev.multisession.sample.pos.Orderline} and {@link dev.multisession.sample.pos.Partner},
 * with the fields every terminal of a multi-session shares marked for sync.
 */
package dev.multisession.sample.pos;
