/**
 * The {@code hub} command (a WebSocket hub server on SQLite or PostgreSQL) and the token
 * commands that issue terminals their credentials.
 */
package dev.multisession.sample.cli.hub;
