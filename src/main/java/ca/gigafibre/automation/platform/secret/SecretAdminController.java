package ca.gigafibre.automation.platform.secret;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins see which keys hold the stored secrets (ids and counts, never keys) and rotate them to the primary key. */
@RestController
@RequestMapping("/api/admin/secrets")
public class SecretAdminController {

    private final SecretCipher cipher;
    private final SecretInventory inventory;
    private final SecretRotation rotation;

    public SecretAdminController(SecretCipher cipher, SecretInventory inventory, SecretRotation rotation) {
        this.cipher = cipher;
        this.inventory = inventory;
        this.rotation = rotation;
    }

    @GetMapping
    @Operation(summary = "This node's primary key id and keys, and how many stored secrets each key holds")
    public Map<String, Object> status() {
        return Map.of("primaryKey", SecretKeysets.id(cipher.primaryKeyId()), "keys", cipher.keys(), "secretsByKey", inventory.secretsByKey());
    }

    @PostMapping("/rotation")
    @Operation(summary = "Re-encrypt every stored secret under this node's primary key (resumable: run it again after a failure)")
    public SecretRotationReport rotate() {
        return rotation.rotate();
    }
}
