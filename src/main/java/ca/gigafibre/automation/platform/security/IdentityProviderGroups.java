package ca.gigafibre.automation.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns the groups a token or an ID token lists into the engine's groups, by the mapping of {@link OidcProperties}.
 * Groups the mapping does not name give nothing: being known to the provider is not a role here.
 */
public class IdentityProviderGroups {

    private final String claim;
    private final Map<String, List<String>> engineGroupToProviderGroups;

    public IdentityProviderGroups(OidcProperties properties) {
        this.claim = properties.groupsClaim();
        this.engineGroupToProviderGroups = Map.of(
                Groups.OPS, properties.opsGroups(),
                Groups.ANALYSTS, properties.analystsGroups(),
                Groups.ADMINS, properties.adminsGroups());
    }

    public Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> providerGroups = new LinkedHashSet<>();
        Object listed = claims.get(claim);
        if (listed instanceof Collection<?> values) {
            values.forEach(value -> providerGroups.add(String.valueOf(value)));
        } else if (listed instanceof String value) {
            providerGroups.add(value);
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        engineGroupToProviderGroups.forEach((engineGroup, mapped) -> {
            if (mapped.stream().anyMatch(providerGroups::contains)) {
                authorities.add(new SimpleGrantedAuthority(Groups.authority(engineGroup)));
            }
        });
        return authorities;
    }
}
