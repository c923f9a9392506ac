/**
 * The {@code hub} command (a WebSocket hub server on SQLite or PostgreSQL, with metrics and an
 * admin page on an operator port when asked), the token commands that issue, list and revoke
 * terminals' credentials, and {@code hub admin}, the admin page's actions from a shell.
 */
package dev.multisession.sample.cli.hub;
