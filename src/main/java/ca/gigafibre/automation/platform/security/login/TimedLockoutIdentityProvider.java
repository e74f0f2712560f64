package ca.gigafibre.automation.platform.security.login;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's user store with a lock that ends by itself. Camunda locks an account for good at {@code loginMaxAttempts}
 * wrong passwords in a row and waits for an administrator; anyone who knows the user id of {@code admin} or a service
 * account could lock it out that way. Here the account is locked for the lockout duration instead, and each further
 * wrong password locks it again for as long; the short growing delays before that (Camunda's {@code loginDelayBase},
 * {@code loginDelayFactor}, {@code loginDelayMaxTime}) and the reset at the right password are Camunda's own.
 */
class TimedLockoutIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(TimedLockoutIdentityProvider.class);

    private final Duration lockout;

    TimedLockoutIdentityProvider(Duration lockout) {
        this.lockout = lockout;
    }

    /** Locked only until the lock's end, whatever the number of attempts (Camunda: for good past the maximum). */
    @Override
    protected boolean isUserLocked(UserEntity user) {
        Date until = user.getLockExpirationTime();
        return until != null && until.after(ClockUtil.getCurrentTime());
    }

    @Override
    protected void lockUser(UserEntity user) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        int attempts = user.getAttempts() + 1;
        long seconds;
        if (attempts >= configuration.getLoginMaxAttempts()) {
            seconds = lockout.toSeconds();
        } else {
            double delay = configuration.getLoginDelayBase() * Math.pow(configuration.getLoginDelayFactor(), attempts - 1);
            seconds = Math.min((long) delay, configuration.getLoginDelayMaxTime());
        }
        Date until = new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000);
        if (attempts >= configuration.getLoginMaxAttempts()) {
            log.warn("User '{}' locked until {} after {} wrong passwords in a row", user.getId(), until.toInstant(), attempts);
        }
        getIdentityInfoManager().updateUserLock(user, attempts, until);
    }
}
