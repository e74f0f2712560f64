package ca.gigafibre.automation.platform.security.login;

import java.time.Duration;
import ca.gigafibre.automation.platform.security.SecuritySettings;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TimedLockoutIdentityProvider} in place of Camunda's user store, so every password check — HTTP Basic on
 * {@code /api} and {@code /engine-rest}, the webapps' login form — locks an account for
 * {@code automation.security.lockout-duration} at most, never for good.
 */
@Component
public class LoginLockoutPlugin extends AbstractProcessEnginePlugin {

    private final Duration lockout;

    public LoginLockoutPlugin(SecuritySettings security) {
        this.lockout = security.lockoutDuration();   // longer than zero: SecuritySettings checks it
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return DbIdentityServiceProvider.class;
            }

            @Override
            public Session openSession() {
                return new TimedLockoutIdentityProvider(lockout);
            }
        });
    }
}
