package ca.gigafibre.automation.rules.decision;

import java.util.regex.Pattern;

/** Variables never copied into the decision log, whatever a model declares: anything named like a credential or an account. */
final class SecretNames {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api.?key|credential|account|iban|transit|institution|card|cvv|pan\\b).*");

    private SecretNames() {
    }

    static boolean isSecret(String variableName) {
        return variableName == null || SECRET.matcher(variableName).matches();
    }
}
