/**
 * The restaurant extension of the core POS model: tables, guests, kitchen notes and kitchen
 * tickets. It is compiled against the core model's jar, so its generated codecs chain to code
 * generated in another build.
 */
package dev.multisession.sample.restaurant;
