package ca.gigafibre.automation.platform;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The authorization matrix with HTTP Basic: the demo users ops, analyst and admin (Camunda's identity service). */
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected TestRestTemplate caller(String role) {
        return as(role);
    }
}
