/**
 * Text views of orders for the terminal and the demo: an order as lines, stations side by side,
 * and a digest that tells whether two stations show the same state.
 */
package dev.multisession.sample.cli.view;
