package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.secret.SecretKeysetCommand;
import ca.gigafibre.automation.platform.secret.SecretKeysets;
import com.google.crypto.tink.KeysetHandle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runbook's key steps, as the command line does them: new keyset, add a key, promote it, remove the old one. */
class SecretKeysetCommandTest {

    private static final String LEGACY_KEY = "dGVzdC1rZXktZm9yLWdpZ2FmaWJyZS10ZXN0cy0zMmI=";

    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;

    @Test
    void addPromoteRemoveWalkTheKeyThroughItsLife() {
        assertThat(run("--new-secret-key")).isZero();
        KeysetHandle first = SecretKeysets.parse(out, "output");
        assertThat(first.size()).isEqualTo(1);
        assertThat(err).startsWith("New keyset");
        byte[] written = new SecretCipher(first, null).encrypt("sip-secret", SecretColumn.SIP_PASSWORD, 1);

        env.put("AUTOMATION_SECRET_KEYSET", out);
        assertThat(run("--new-secret-key")).isZero();
        KeysetHandle added = SecretKeysets.parse(out, "output");
        int newKey = added.getAt(1).getId();
        assertThat(added.getPrimary().getId()).isEqualTo(first.getPrimary().getId());
        assertThat(err).contains("--promote-secret-key=" + SecretKeysets.id(newKey));

        env.put("AUTOMATION_SECRET_KEYSET", out);
        assertThat(run("--promote-secret-key=" + SecretKeysets.id(newKey))).isZero();
        KeysetHandle promoted = SecretKeysets.parse(out, "output");
        assertThat(promoted.getPrimary().getId()).isEqualTo(newKey);
        assertThat(new SecretCipher(promoted, null).decrypt(written, SecretColumn.SIP_PASSWORD, 1)).isEqualTo("sip-secret");

        env.put("AUTOMATION_SECRET_KEYSET", out);
        assertThat(run("--remove-secret-key=" + SecretKeysets.id(newKey))).isEqualTo(2);
        assertThat(err).contains("is the primary key");
        assertThat(run("--remove-secret-key=" + SecretKeysets.id(first.getPrimary().getId()))).isZero();
        KeysetHandle last = SecretKeysets.parse(out, "output");
        assertThat(last.size()).isEqualTo(1);
        assertThat(last.getPrimary().getId()).isEqualTo(newKey);
    }

    @Test
    void anInstallationWithOnlyTheLegacyKeyGetsAKeysetThatStillHoldsIt() {
        env.put("AUTOMATION_SECRET_KEY", LEGACY_KEY);
        SecretCipher legacyOnly = new SecretCipher(null, Base64.getDecoder().decode(LEGACY_KEY));
        byte[] written = legacyOnly.encrypt("1234567", SecretColumn.BANK_ACCOUNT, 4);

        assertThat(run("--new-secret-key")).isZero();
        KeysetHandle keyset = SecretKeysets.parse(out, "output");

        assertThat(keyset.size()).isEqualTo(2);
        assertThat(keyset.getPrimary().getId()).isEqualTo(legacyOnly.primaryKeyId());
        assertThat(new SecretCipher(keyset, null).decrypt(written, SecretColumn.BANK_ACCOUNT, 4)).isEqualTo("1234567");
        assertThat(err).doesNotContain(LEGACY_KEY).doesNotContain("\"value\"");
    }

    @Test
    void refusalsSayWhyAndPrintNoKeyset() {
        assertThat(run("--promote-secret-key=123")).isEqualTo(2);
        assertThat(err).contains("no keyset configured");
        env.put("AUTOMATION_SECRET_KEYSET", SecretKeysets.toJson(SecretKeysets.generate()));
        assertThat(run("--promote-secret-key=123")).isEqualTo(2);
        assertThat(err).contains("has no key 123");
        assertThat(run("--remove-secret-key=abc")).isEqualTo(2);
        assertThat(out).isEmpty();
    }

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        assertThat(SecretKeysetCommand.wanted(args)).isTrue();
        int code = SecretKeysetCommand.run(args, env, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }
}
