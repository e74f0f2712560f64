package ca.gigafibre.automation.platform.security.login;

import ca.gigafibre.automation.platform.error.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password logins per client: HTTP Basic on any path and the webapps' login form. A login answered 401 counts
 * as a failure of the client's address; past the limit the client's logins get 429 (with {@code Retry-After}) before any
 * password is checked — so a guesser neither learns anything nor pushes the accounts it tries further into their lock.
 * Requests without a password (anonymous, bearer tokens) are neither counted nor refused here.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** Camunda's webapp login: POST /camunda/api/admin/auth/user/{engine}/login/{app}. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isPasswordLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Instant> refusedUntil = throttle.refusedUntil(client);
        if (refusedUntil.isPresent()) {
            long seconds = Math.max(1, Duration.between(ClockUtil.getCurrentTime().toInstant(), refusedUntil.get()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "Too many wrong logins from your address; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(client);
        }
    }

    private static boolean isPasswordLogin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches();
    }
}
