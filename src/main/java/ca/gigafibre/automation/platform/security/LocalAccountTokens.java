package ca.gigafibre.automation.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A bearer token whose user is named like a local account (the bootstrap admin, a service account) is refused (401),
 * as the webapp login refuses it ({@link SsoUsers}): otherwise a provider user called {@code admin} would act on the
 * engine REST as the local {@code admin} — Camunda's authorizations go by user id. Provider users (group {@code sso})
 * and users Camunda does not know pass.
 */
class LocalAccountTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(LocalAccountTokens.class);

    private final Converter<Jwt, AbstractAuthenticationToken> converter;
    private final IdentityService identity;

    LocalAccountTokens(Converter<Jwt, AbstractAuthenticationToken> converter, IdentityService identity) {
        this.converter = converter;
        this.identity = identity;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AbstractAuthenticationToken authentication = converter.convert(jwt);
        String userId = authentication == null ? null : authentication.getName();
        if (userId == null || userId.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user");
        }
        if (SsoUsers.isLocalAccount(identity, userId)) {
            log.warn("Bearer token of '{}' refused: a local Camunda account has that id", userId);
            throw new InvalidBearerTokenException("The token's user id belongs to a local account");
        }
        return authentication;
    }
}
