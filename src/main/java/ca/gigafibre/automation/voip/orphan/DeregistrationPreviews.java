package ca.gigafibre.automation.voip.orphan;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The previews of bulk deregistrations: a token for the exact DIDs one user was shown, valid {@link #VALID_FOR},
 * claimed once by a conditional update (two confirmations of one preview: the second finds nothing to claim).
 */
@Repository
public class DeregistrationPreviews {

    /** Long enough to read the list, short enough that it still describes the provider's state. */
    public static final Duration VALID_FOR = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    public DeregistrationPreviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Created(UUID token, OffsetDateTime validUntil) {
    }

    public Created create(String user, List<String> dids) {
        UUID token = UUID.randomUUID();
        OffsetDateTime created = jdbc.sql("""
                INSERT INTO automation.e911_deregistration_preview (token, requested_by, dids) VALUES (:token, :user, :dids)
                RETURNING created_at
                """)
                .param("token", token).param("user", user).param("dids", dids.toArray(String[]::new))
                .query(OffsetDateTime.class).single();
        return new Created(token, created.plus(VALID_FOR));
    }

    /** The previewed DIDs, if this user's token is unused and still valid; it is used from then on. */
    public Optional<List<String>> claim(UUID token, String user) {
        return jdbc.sql("""
                UPDATE automation.e911_deregistration_preview SET confirmed_at = now()
                WHERE token = :token AND requested_by = :user AND confirmed_at IS NULL
                  AND created_at > now() - make_interval(secs => :validSeconds)
                RETURNING dids
                """)
                .param("token", token).param("user", user).param("validSeconds", VALID_FOR.toSeconds())
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).optional();
    }
}
