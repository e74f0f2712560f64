package ca.gigafibre.automation.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff single sign-on ({@code automation.security.oidc.*}). Off while {@code issuer-uri} is blank: then the webapps keep
 * Camunda's login form and the APIs take HTTP Basic only. On, the webapps log in through the identity provider and
 * {@code /api} and {@code /engine-rest} also accept its bearer tokens; the provider's groups become the engine's.
 *
 * @param issuerUri      the provider's issuer (OpenID discovery document at {@code <issuer>/.well-known/openid-configuration})
 * @param clientId       this engine's client at the provider (webapp login)
 * @param clientSecret   its secret
 * @param audience       when set, bearer tokens must name it in {@code aud}
 * @param usernameClaim  the claim that names the user in Camunda (tasks are assigned to it)
 * @param groupsClaim    the claim that lists the user's groups at the provider
 * @param opsGroups      provider groups whose members act as {@code ops}
 * @param analystsGroups provider groups whose members act as {@code analysts}
 * @param adminsGroups   provider groups whose members act as administrators ({@code camunda-admin})
 */
@ConfigurationProperties("automation.security.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret, String audience,
                             String usernameClaim, String groupsClaim,
                             List<String> opsGroups, List<String> analystsGroups, List<String> adminsGroups) {

    public OidcProperties {
        usernameClaim = blankTo(usernameClaim, "preferred_username");
        groupsClaim = blankTo(groupsClaim, "groups");
        opsGroups = opsGroups == null ? List.of("ops") : List.copyOf(opsGroups);
        analystsGroups = analystsGroups == null ? List.of("analysts") : List.copyOf(analystsGroups);
        adminsGroups = adminsGroups == null ? List.of("admins") : List.copyOf(adminsGroups);
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
