/**
 * The {@code terminal} command: an interactive, line-based POS terminal that keeps its orders
 * and unsent edits in a SQLite file.
 */
package dev.multisession.sample.cli.terminal;
