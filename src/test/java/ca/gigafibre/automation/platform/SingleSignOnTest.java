package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff SSO against a real OpenID Connect server started here (mock-oauth2-server, issuer "authentik"): the webapps
 * log in through it, the APIs take its bearer tokens, the provider's groups map to ops / analysts / admins by
 * configuration, and the whole authorization matrix holds for token callers as it does for HTTP Basic ones.
 */
class SingleSignOnTest extends AuthorizationMatrix {

    private static final String ISSUER = "authentik";
    private static final String CLIENT = "gigafibre-engine";
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
    /** Each role's user at the identity provider, and the provider group that gives the role (see the mapping below). */
    private static final Map<String, List<String>> PROVIDER_USERS = Map.of(
            "ops", List.of("olivia", "Facturation"),
            "analyst", List.of("andre", "Analystes"),
            "admin", List.of("ines", "TI"));

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("automation.security.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("automation.security.oidc.client-id", () -> CLIENT);
        registry.add("automation.security.oidc.client-secret", () -> "sso-test-secret");
        registry.add("automation.security.oidc.audience", () -> CLIENT);
        registry.add("automation.security.oidc.ops-groups", () -> "Soutien technique,Facturation");
        registry.add("automation.security.oidc.analysts-groups", () -> "Analystes");
        registry.add("automation.security.oidc.admins-groups", () -> "TI");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected TestRestTemplate caller(String role) {
        List<String> user = PROVIDER_USERS.get(role);
        return bearer(token(user.get(0), List.of(user.get(1)), CLIENT, 3600).serialize());
    }

    @Test
    void aWebappPageRedirectsToTheProvidersLogin() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        String toLogin = page.headers().firstValue("Location").orElse("");
        HttpResponse<String> login = browser.send(get(URI.create(url("/camunda/app/tasklist/default/")).resolve(toLogin).toString()),
                HttpResponse.BodyHandlers.ofString());
        String toProvider = login.headers().firstValue("Location").orElse("");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(toLogin).endsWith("/oauth2/authorization/sso");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(toProvider).startsWith(PROVIDER.issuerUrl(ISSUER) + "/authorize")
                .contains("client_id=" + CLIENT).contains("response_type=code").contains("scope=openid");
    }

    @Test
    void opsLogsInThroughTheProviderAndTasklistKnowsThemWithTheirMappedGroup() throws Exception {
        HttpClient browser = logIn("jean.tremblay", List.of("Soutien technique", "Bénévoles"));

        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> who = browser.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tasks = browser.send(get("/camunda/api/engine/engine/default/task/count"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        JsonNode user = json.readTree(who.body());
        assertThat(user.path("userId").asText()).isEqualTo("jean.tremblay");
        assertThat(user.path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        // mirrored into Camunda's identity tables, with exactly the mapped group (and marked as an SSO user)
        assertThat(identity.createGroupQuery().groupMember("jean.tremblay").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("ops", "sso");
    }

    @Test
    void aGroupTheProviderTookAwayIsGoneAtTheNextLogin() throws Exception {
        logIn("marc", List.of("Facturation"));
        logIn("marc", List.of("Analystes"));

        assertThat(identity.createGroupQuery().groupMember("marc").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("analysts", "sso");
    }

    @Test
    void aProviderUserNamedLikeALocalAccountDoesNotTakeItOver() throws Exception {
        PROVIDER.enqueueCallback(callback("admin", List.of("Facturation")));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();

        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId()).containsExactly("camunda-admin");
        assertThat(as("admin").getForEntity("/api/admin/rules", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBearerTokenNamedLikeALocalAccountIsRefused() {
        TestRestTemplate fakeAdmin = bearer(token("admin", List.of("TI"), CLIENT, 3600).serialize());
        TestRestTemplate fakeOps = bearer(token("ops", List.of("Facturation"), CLIENT, 3600).serialize());

        assertThat(fakeAdmin.getForEntity("/api/admin/rules", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(fakeAdmin.getForEntity("/engine-rest/user/count", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(fakeOps.getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a provider user Camunda knows from an SSO login, and one it does not know yet, pass
        assertThat(bearer(token("olivia", List.of("Facturation"), CLIENT, 3600).serialize())
                .getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBearerTokenOfAProviderUserWhoLoggedInBeforeIsAccepted() throws Exception {
        logIn("paul.sso", List.of("Facturation"));
        assertThat(bearer(token("paul.sso", List.of("Facturation"), CLIENT, 3600).serialize())
                .getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        SignedJWT foreign = PROVIDER.issueToken("another-issuer", "olivia", CLIENT, Map.of("preferred_username", "olivia",
                "groups", List.of("Facturation")), 3600);

        assertThat(bearer(foreign.serialize()).getForEntity("/api/customers?q=a", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAssistantPageLogsInThroughTheProviderAndItsApiCallsRunAsThatUser() throws Exception {
        PROVIDER.enqueueCallback(callback("lea.page", List.of("Soutien technique")));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();

        HttpResponse<String> page = browser.send(get("/assistant?customer=C-10001"), HttpResponse.BodyHandlers.ofString());
        JsonNode session = json.readTree(browser.send(get("/assistant/session"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> search = browser.send(get("/api/customers?q=a"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(url("/api/tickets")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> fromThePage = browser.send(HttpRequest.newBuilder(URI.create(url("/api/tickets")))
                .header("Content-Type", "application/json").header(session.path("csrfHeader").asText(), session.path("csrfToken").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/assistant");   // back to the page asked for, after the provider
        assertThat(page.uri().getQuery()).contains("customer=C-10001");
        assertThat(page.body()).contains("assistant.js");
        assertThat(session.path("user").asText()).isEqualTo("lea.page");
        assertThat(session.path("groups").toString()).contains("\"ops\"");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(fromThePage.statusCode()).as(fromThePage.body()).isEqualTo(400);   // past the checks: an empty ticket is bad input
    }

    /** The whole authorization code flow, as a browser follows it: page → provider → callback → page. */
    private HttpClient logIn(String user, List<String> groups) throws Exception {
        PROVIDER.enqueueCallback(callback(user, groups));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return browser;
    }

    private static DefaultOAuth2TokenCallback callback(String user, List<String> groups) {
        return new DefaultOAuth2TokenCallback(ISSUER, user, "JWT", List.of(CLIENT), Map.of("preferred_username", user, "groups", groups), 3600);
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblem() {
        ResponseEntity<String> answer = bearer(token("olivia", List.of("Facturation"), CLIENT, -600).serialize())
                .getForEntity("/api/customers?q=a", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        SignedJWT genuine = token("olivia", List.of("Facturation"), CLIENT, 3600);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(genuine.getHeader().getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

        assertThat(bearer(genuine.serialize()).getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(forged.serialize()).getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer(forged.serialize()).getForEntity("/engine-rest/process-definition/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        assertThat(bearer(token("olivia", List.of("Facturation"), "billing-portal", 3600).serialize())
                .getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void providerGroupsTheMappingDoesNotNameGiveNoRole() {
        TestRestTemplate director = bearer(token("diane", List.of("Direction"), CLIENT, 3600).serialize());

        assertThat(director.getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(director.getForEntity("/engine-rest/process-definition?key=suspension&firstResult=0&maxResults=50", String.class).getBody()).isEqualTo("[]");
    }

    @Test
    void serviceAccountsKeepHttpBasicNextToTokens() {
        assertThat(as("ops").getForEntity("/api/customers?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("ops", "wrong").getForEntity("/api/customers?q=a", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private SignedJWT token(String user, List<String> groups, String audience, long expirySeconds) {
        return PROVIDER.issueToken(ISSUER, user, audience, Map.of("preferred_username", user, "groups", groups), expirySeconds);
    }

    private TestRestTemplate bearer(String token) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(rest.getRootUri()).defaultHeader("Authorization", "Bearer " + token));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path))).GET().build();
    }
}
