/**
 * For a hub's operators, on a port of its own behind an admin token: Micrometer metrics
 * ({@link dev.multisession.runtime.operations.HubMetrics}) scraped by Prometheus, and a live
 * admin page ({@link dev.multisession.runtime.operations.AdminConsole},
 * {@link dev.multisession.runtime.operations.TerminalActivity}) with the operators' actions,
 * both served by {@link dev.multisession.runtime.operations.OperatorServer}. The hub tells them
 * what it does through its {@link dev.multisession.runtime.hub.spi.HubObserver}.
 */
package dev.multisession.runtime.operations;
