/**
 * The {@code demo} command: a hub and several stations (waiters, bar, kitchen) of one restaurant
 * in one process, serving a scripted evening with network cuts and checking that every
 * station converges to the hub's state.
 */
package dev.multisession.sample.cli.demo;
