package ca.gigafibre.automation.platform.secret;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of secrets at rest ({@link SecretKeyConfiguration}): {@code automation.secret-keyset} ({@code AUTOMATION_SECRET_KEYSET},
 * a Tink JSON keyset), {@code secret-keyset-file} (the demo's generated keyset), {@code secret-key}
 * ({@code AUTOMATION_SECRET_KEY}, the legacy single key) and {@code secret-key-file}; and {@code secret-rotation.batch-size},
 * the rows a rotation re-encrypts per committed batch ({@link SecretRotation}). The keys sit directly under
 * {@code automation}, hence the prefix. A batch of zero rows would never finish a rotation: start-up stops naming the key.
 * Keys are never printed.
 */
@Validated
@ConfigurationProperties("automation")
public record SecretSettings(String secretKeyset, String secretKeysetFile, String secretKey, String secretKeyFile,
                             @DefaultValue @Valid Rotation secretRotation) {

    /** {@code automation.secret-rotation.*}. */
    public record Rotation(@DefaultValue("500") @Positive int batchSize) {
    }

    public SecretSettings {
        secretKeyset = secretKeyset == null ? "" : secretKeyset;
        secretKeysetFile = secretKeysetFile == null ? "" : secretKeysetFile;
        secretKey = secretKey == null ? "" : secretKey;
        secretKeyFile = secretKeyFile == null ? "" : secretKeyFile;
    }

    @Override
    public String toString() {
        return "SecretSettings[secretKeyset=" + (secretKeyset.isBlank() ? "(none)" : "***") + ", secretKeysetFile=" + secretKeysetFile
                + ", secretKey=" + (secretKey.isBlank() ? "(none)" : "***") + ", secretKeyFile=" + secretKeyFile + ", " + secretRotation + "]";
    }
}
