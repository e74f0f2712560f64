package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Ten wrong passwords lock an account for {@code automation.security.lockout-duration} (15 min), not for good; a client
 * with {@code automation.security.client-max-failures} (20) wrong logins is refused for that long, other clients are not.
 */
class LoginLockoutTest extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2031-03-04T15:00:00Z");

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void tenWrongPasswordsLockAnAccountForFifteenMinutesNotForGood() {
        String user = throwawayOpsUser(identity);
        Instant now = T0;
        for (int attempt = 1; attempt <= 10; attempt++) {
            at(now);
            assertThat(identity.checkPassword(user, "wrong")).isFalse();
            now = now.plusSeconds(61);   // past Camunda's short delay between attempts (at most 60 s)
        }
        Instant tenth = now.minusSeconds(61);

        at(tenth.plus(Duration.ofMinutes(14)).plusSeconds(59));
        assertThat(identity.checkPassword(user, "demo")).as("still locked 14:59 after the tenth wrong password").isFalse();
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/customers?q=x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        at(tenth.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/customers?q=x", String.class).getStatusCode())
                .as("open again without an administrator 15 min after").isEqualTo(HttpStatus.OK);
        assertThat(identity.checkPassword(user, "demo")).isTrue();
    }

    @Test
    void aWrongPasswordPastTheTenthLocksTheAccountAgainForTheWholeDuration() {
        String user = throwawayOpsUser(identity);
        Instant now = T0;
        for (int attempt = 1; attempt <= 10; attempt++) {
            at(now);
            identity.checkPassword(user, "wrong");
            now = now.plusSeconds(61);
        }
        Instant eleventh = now.minusSeconds(61).plus(Duration.ofMinutes(15)).plusSeconds(1);
        at(eleventh);
        assertThat(identity.checkPassword(user, "wrong")).isFalse();

        at(eleventh.plus(Duration.ofMinutes(14)));
        assertThat(identity.checkPassword(user, "demo")).isFalse();
        at(eleventh.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(identity.checkPassword(user, "demo")).isTrue();
    }

    @Test
    void aClientWithTwentyWrongLoginsIsRefusedForFifteenMinutesOtherClientsAreNot() throws Exception {
        String user = throwawayOpsUser(identity);
        FromAddress guesser = new FromAddress("127.0.0.2", port);
        FromAddress colleague = new FromAddress("127.0.0.3", port);
        at(T0);
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.send("GET", "/api/customers?q=x", Map.of("Authorization", FromAddress.basic("nobody" + i, "guess")), null)
                    .status()).isEqualTo(401);
        }
        FromAddress.Answer page = guesser.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
        String cookies = String.join("; ", page.cookies());
        String csrf = page.cookies().stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11)).findFirst().orElse("");
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", csrf),
                    "username=nobody" + i + "&password=guess").status()).as("webapp login %d", i).isEqualTo(401);
        }

        FromAddress.Answer refused = guesser.send("GET", "/api/customers?q=x", Map.of("Authorization", FromAddress.basic(user, "demo")), null);
        assertThat(refused.status()).as("even the right password, from the guessing address").isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(guesser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", csrf),
                "username=" + user + "&password=demo").status()).isEqualTo(429);

        assertThat(colleague.send("GET", "/api/customers?q=x", Map.of("Authorization", FromAddress.basic(user, "demo")), null).status())
                .as("another address").isEqualTo(200);
        assertThat(guesser.send("GET", "/actuator/health", Map.of(), null).status()).as("no password, no throttle").isEqualTo(200);

        at(T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(guesser.send("GET", "/api/customers?q=x", Map.of("Authorization", FromAddress.basic(user, "demo")), null).status())
                .as("15 min later").isEqualTo(200);
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
