package ca.gigafibre.automation.assistant.page;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The assistant's page ({@code /assistant}: static files under {@code static/assistant/}) and who is using it. The page
 * calls {@code /api} with the browser's session (the webapps' login or SSO); its changes carry the CSRF token given here.
 */
@Controller
@Hidden
public class AssistantPage {

    /** Who is logged in and the CSRF token for the page's POST and DELETE calls. */
    public record Session(String user, List<String> groups, String csrfHeader, String csrfToken) {
    }

    @GetMapping({"/assistant", "/assistant/"})
    public String page() {
        return "forward:/assistant/index.html";
    }

    @GetMapping("/assistant/session")
    @ResponseBody
    public Session session(Authentication user, CsrfToken csrf) {
        List<String> groups = user.getAuthorities().stream()
                .map(Object::toString)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .toList();
        return new Session(user.getName(), groups, csrf.getHeaderName(), csrf.getToken());
    }
}
