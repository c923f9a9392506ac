package dev.multisession.runtime.transport.websocket;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key store or trust store on disk: the server's certificate and key for TLS, or the
 * certificates a client trusts.
 *
 * @param path     the file
 * @param password its password
 * @param type     {@code PKCS12} (the default and Java's own default since 9) or {@code JKS}
 */
public record KeyStoreFile(Path path, String password, String type) {
    public KeyStoreFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    /** A PKCS#12 file. */
    public static KeyStoreFile pkcs12(Path path, String password) {
        return new KeyStoreFile(path, password, "PKCS12");
    }

    @Override
    public String toString() {
        // Never print the password.
        return "KeyStoreFile[" + path + ", " + type + "]";
    }
}
