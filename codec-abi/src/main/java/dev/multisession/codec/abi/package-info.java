/**
 * The contract between generated {@code <Simple>_MultiSession} codecs and the runtime they link
 * against, written down once as data: the {@link dev.multisession.codec.abi.CodecAbi#VERSION ABI
 * version}, the {@link dev.multisession.codec.abi.BuiltInTypes table of built-in value types}
 * with the runtime methods that convert them, and every other runtime member generated code
 * names ({@link dev.multisession.codec.abi.RuntimeCalls}, {@link dev.multisession.codec.abi.RuntimeTypes}).
 *
 * <p>It is its own artifact with no dependencies because two sides read it that must not depend
 * on each other: the processor, which turns the entries into calls (it shades this artifact under
 * {@code dev.multisession.processor.shaded.codec.abi}, as it shades JavaPoet, so a build still
 * needs one jar on its processor path), and the runtime, which implements the entries and checks
 * the version of every codec it loads. A test of the runtime resolves each entry by reflection, so
 * a renamed method or changed signature fails the build instead of a codec compiled earlier. The
 * entries name runtime types by their qualified names as strings; none of those names starts with
 * this package's name, so relocating this package leaves them untouched.
 */
package dev.multisession.codec.abi;
