package ca.gigafibre.automation.platform.secret;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys of secrets at rest: the Tink keyset from {@code AUTOMATION_SECRET_KEYSET} (JSON), and the legacy key from
 * {@code AUTOMATION_SECRET_KEY} (base64 of 32 bytes) — alone it still works (it is then the primary key), beside a keyset
 * it decrypts what it encrypted until a rotation re-encrypts that. Only when a keyset file is configured (the demo
 * profile) may a missing keyset be generated and kept there; anywhere else start-up stops without keys.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(SecretSettings keys) throws IOException {
        SecretCipher cipher = cipher(keys.secretKeyset(), keys.secretKeysetFile(), keys.secretKey(), keys.secretKeyFile());
        log.info("Secrets at rest: keys {}", cipher.keys());   // key ids only
        return cipher;
    }

    static SecretCipher cipher(String keyset, String keysetFile, String legacyKey, String legacyKeyFile) throws IOException {
        KeysetHandle configured = resolveKeyset(keyset, keysetFile);
        byte[] legacy = resolveLegacyKey(legacyKey, legacyKeyFile);
        requireSomeKey(configured, legacy);
        return new SecretCipher(configured, legacy);
    }

    static KeysetHandle resolveKeyset(String keyset, String keysetFile) throws IOException {
        if (keyset != null && !keyset.isBlank()) {
            return SecretKeysets.parse(keyset, "AUTOMATION_SECRET_KEYSET");
        }
        if (keysetFile == null || keysetFile.isBlank()) {
            return null;
        }
        Path path = Path.of(keysetFile);
        if (Files.exists(path)) {
            return SecretKeysets.parse(Files.readString(path), path.toString());
        }
        KeysetHandle fresh = SecretKeysets.generate();
        Files.createDirectories(path.toAbsolutePath().getParent());
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);   // not a POSIX file system: the file keeps its default permissions
        }
        Files.writeString(path, SecretKeysets.toJson(fresh));
        log.warn("Generated a development keyset in {} (demo profile only)", path);
        return fresh;
    }

    /** {@code AUTOMATION_SECRET_KEY}, or the demo's key file of earlier versions when it exists (never generated any more). */
    static byte[] resolveLegacyKey(String legacyKey, String legacyKeyFile) throws IOException {
        if (legacyKey != null && !legacyKey.isBlank()) {
            return decode(legacyKey.strip(), "AUTOMATION_SECRET_KEY");
        }
        if (legacyKeyFile != null && !legacyKeyFile.isBlank() && Files.exists(Path.of(legacyKeyFile))) {
            return decode(Files.readString(Path.of(legacyKeyFile)).strip(), legacyKeyFile);
        }
        return null;
    }

    /** Start-up stops here when there is no key at all, saying how to make one. */
    static void requireSomeKey(KeysetHandle keyset, byte[] legacyKey) {
        if (keyset == null && legacyKey == null) {
            throw new IllegalStateException("AUTOMATION_SECRET_KEYSET is not set. Secrets at rest are encrypted with it: make one with "
                    + "`java -jar gigafibre-automation.jar --new-secret-key` and keep it in your secret store (see deploy/runbook.md, Key rotation).");
        }
    }

    static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must decode to 32 bytes (AES-256), got " + bytes.length);
        }
        return bytes;
    }
}
