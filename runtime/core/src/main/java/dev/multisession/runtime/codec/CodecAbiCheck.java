package dev.multisession.runtime.codec;

import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.runtime.codec.abi.CodecAbiVersion;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Refuses a generated codec written for another version of the generated-code ABI than this
 * runtime's, before any of its code runs: the alternative is a bare {@code NoSuchMethodError} (or
 * {@code NoClassDefFoundError}) the first time the codec calls a runtime member that moved.
 */
final class CodecAbiCheck {

    private CodecAbiCheck() {}

    /**
     * @param codec the generated class, not yet initialised
     * @param model the model class it was generated for
     * @throws IllegalStateException naming the codec, both versions and the jar, directory or
     *     module to rebuild, if the codec is not marked with this runtime's ABI version
     */
    static void verify(Class<?> codec, Class<?> model) {
        CodecAbiVersion mark = codec.getAnnotation(CodecAbiVersion.class);
        if (mark != null && mark.value() == CodecAbi.VERSION) {
            return;
        }
        String compiledFor = mark == null
                ? "an unversioned codec ABI (by a multisession processor older than ABI versions)"
                : "codec ABI " + mark.value();
        String remedy = mark != null && mark.value() > CodecAbi.VERSION
                ? ", or upgrade multisession-runtime to the release of that processor"
                : "";
        throw new IllegalStateException(codec.getName() + " (the codec of " + model.getName() + ") was generated for "
                + compiledFor + ", but this runtime supports codec ABI " + CodecAbi.VERSION + ": rebuild "
                + origin(codec) + " with the multisession-processor of the multisession-runtime release in use"
                + remedy);
    }

    /** The module, jar or class directory the codec was loaded from: what its owner has to rebuild. */
    static String origin(Class<?> codec) {
        Module module = codec.getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        CodeSource source = codec.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return "the jar or directory that holds " + codec.getName();
        }
        try {
            return location.getProtocol().equals("file") ? Path.of(location.toURI()).toString() : location.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }
}
