package dev.multisession.runtime.transport.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes a self-signed server key store for localhost and a trust store holding its certificate, with the JDK's keytool. */
final class TestKeyStores {

    static final String PASSWORD = "changeit";

    final KeyStoreFile server;
    final KeyStoreFile trust;

    private TestKeyStores(KeyStoreFile server, KeyStoreFile trust) {
        this.server = server;
        this.trust = trust;
    }

    static TestKeyStores create(Path dir) throws IOException, InterruptedException {
        Path server = dir.resolve("hub.p12");
        Path certificate = dir.resolve("hub.cer");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", server.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "hub", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", certificate.toString(),
                "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new TestKeyStores(KeyStoreFile.pkcs12(server, PASSWORD), KeyStoreFile.pkcs12(trust, PASSWORD));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
