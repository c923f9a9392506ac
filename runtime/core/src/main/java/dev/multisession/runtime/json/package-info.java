/**
 * The runtime's JSON settings in one place: {@link dev.multisession.runtime.json.JsonMappers}
 * makes every Jackson mapper the project uses (protocol messages and stored rows, values bound
 * by data binding, files people edit), each configured once, so a rule such as "decimals are
 * exact" or "nesting is bounded" cannot differ between the hub, the terminal and the stores.
 */
package dev.multisession.runtime.json;
