package ca.gigafibre.automation.platform.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The encryption key comes from {@code AUTOMATION_SECRET_KEY} (base64 of 32 bytes). Only when a key file is
 * configured (the demo profile) may a missing key be generated and kept there; anywhere else start-up stops.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(@Value("${automation.secret-key:}") String configuredKey,
                              @Value("${automation.secret-key-file:}") String keyFile) throws IOException {
        return new SecretCipher(resolveKey(configuredKey, keyFile));
    }

    static SecretKey resolveKey(String configuredKey, String keyFile) throws IOException {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return decode(configuredKey.trim(), "AUTOMATION_SECRET_KEY");
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException("AUTOMATION_SECRET_KEY is not set. Secrets at rest are encrypted with it: "
                    + "set it to a base64-encoded 32-byte key (e.g. `openssl rand -base64 32`) and keep it in your secret store.");
        }
        Path path = Path.of(keyFile);
        if (Files.exists(path)) {
            return decode(Files.readString(path).trim(), path.toString());
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, Base64.getEncoder().encodeToString(fresh));
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps its default permissions
        }
        log.warn("Generated a development secret key in {} (demo profile only)", path);
        return new SecretKeySpec(fresh, "AES");
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must decode to 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
