/**
 * Terminal start-up: how long opening a terminal's SQLite file takes in a fresh JVM, with the
 * terminal's own schema runner and with Flyway, to decide which one the terminal uses.
 */
package dev.multisession.benchmarks.startup;
