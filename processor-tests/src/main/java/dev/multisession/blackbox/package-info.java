/** Model classes compiled with the multisession processor exactly as a user compiles them. */
package dev.multisession.blackbox;
