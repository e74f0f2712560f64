package ca.gigafibre.automation.platform.secret;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line keyset changes, run before (and instead of) the engine, with no database: each prints the changed keyset
 * as JSON on standard output — for the secret store, nowhere else — and what changed on standard error.
 * <ul>
 *   <li>{@code --new-secret-key}: the current keyset with a new key, not primary yet (a new keyset when there is none; with
 *       only {@code AUTOMATION_SECRET_KEY}, a keyset holding that key as primary and the new one);</li>
 *   <li>{@code --promote-secret-key=ID}: the current keyset with key ID primary;</li>
 *   <li>{@code --remove-secret-key=ID}: the current keyset without key ID (not the primary).</li>
 * </ul>
 * The current keyset is the engine's: {@code AUTOMATION_SECRET_KEYSET} (or {@code --automation.secret-keyset=…},
 * {@code --automation.secret-keyset-file=…}) and {@code AUTOMATION_SECRET_KEY} (or {@code --automation.secret-key=…}).
 */
public final class SecretKeysetCommand {

    private SecretKeysetCommand() {
    }

    public static boolean wanted(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--new-secret-key") || a.startsWith("--promote-secret-key=")
                || a.startsWith("--remove-secret-key="));
    }

    /** @return the exit code: 0 done, 2 refused */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            KeysetHandle current = current(args, env);
            KeysetHandle next;
            String what;
            Optional<String> promote = option(args, "promote-secret-key");
            Optional<String> remove = option(args, "remove-secret-key");
            if (promote.isPresent()) {
                next = SecretKeysets.promote(required(current), SecretKeysets.parseId(promote.get()));
                what = "Key " + promote.get().strip() + " is primary";
            } else if (remove.isPresent()) {
                next = SecretKeysets.remove(required(current), SecretKeysets.parseId(remove.get()));
                what = "Key " + remove.get().strip() + " removed";
            } else if (current == null) {
                next = SecretKeysets.generate();
                what = "New keyset";
            } else {
                next = SecretKeysets.withNewKey(current);
                int added = next.getAt(next.size() - 1).getId();
                what = "Key " + SecretKeysets.id(added) + " added, not primary yet: once every node runs with this keyset, "
                        + "--promote-secret-key=" + SecretKeysets.id(added);
            }
            out.println(SecretKeysets.toJson(next));
            err.println(what + ". Keys: " + SecretKeysets.describe(next) + ".");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("Refused: " + e.getMessage());
            return 2;
        }
    }

    /** The keyset the engine would run with (the legacy key included), or null when nothing is configured. */
    private static KeysetHandle current(String[] args, Map<String, String> env) throws IOException {
        String json = option(args, "automation.secret-keyset").orElse(env.get("AUTOMATION_SECRET_KEYSET"));
        String file = option(args, "automation.secret-keyset-file").orElse(env.get("AUTOMATION_SECRET_KEYSET_FILE"));
        KeysetHandle keyset = null;
        if (json != null && !json.isBlank()) {
            keyset = SecretKeysets.parse(json, "AUTOMATION_SECRET_KEYSET");
        } else if (file != null && !file.isBlank()) {
            keyset = SecretKeysets.parse(Files.readString(Path.of(file)), file);
        }
        String legacy = option(args, "automation.secret-key").orElse(env.get("AUTOMATION_SECRET_KEY"));
        if (legacy == null || legacy.isBlank()) {
            return keyset;
        }
        return SecretKeysets.effective(keyset, SecretKeyConfiguration.decode(legacy.strip(), "AUTOMATION_SECRET_KEY"));
    }

    private static KeysetHandle required(KeysetHandle current) {
        if (current == null) {
            throw new IllegalArgumentException("no keyset configured: set AUTOMATION_SECRET_KEYSET to the keyset to change");
        }
        return current;
    }

    private static Optional<String> option(String[] args, String name) {
        return Arrays.stream(args).filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3)).findFirst();
    }
}
