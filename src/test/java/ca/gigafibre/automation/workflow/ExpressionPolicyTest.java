package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.CalendarSettings;
import ca.gigafibre.automation.platform.time.CutWindowSettings;
import ca.gigafibre.automation.platform.time.NotificationWindowSettings;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;

/** The expression grammar of the deployment guard, without the engine: what the project's models write passes, escapes do not. */
class ExpressionPolicyTest {

    static ExpressionPolicy policy;

    public static class Settings implements ExpressionBean {
        public String getCycle() {
            return "R3/PT5M";
        }

        public void setCycle(String cycle) {
        }

        public String nextDate(Object customerId) {
            return "2026-01-01T00:00:00";
        }
    }

    public static class Delegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    @BeforeAll
    static void beans() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("retryPolicy", Settings.class);
        context.registerBean("chargePpa", Delegate.class);
        context.registerBean("jdbcClient", StringBuilder.class);
        context.registerBean("businessHours", BusinessHours.class, () -> new BusinessHours(new BusinessCalendar(new CalendarSettings(List.of())),
                new NotificationWindowSettings(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new CutWindowSettings(List.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(15, 0))));
        context.refresh();
        policy = new ExpressionPolicy(new ExpressionBeans(context));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${retryPolicy.cycle}", "${retryPolicy.nextDate(customerId)}", "#{execution.processBusinessKey}",
            "${suspensionDecision == 'NOTICE_REQUIRED' || suspensionDecision == 'CALL_REQUIRED'}", "${!cpeSeen && cpeChecks < 3}",
            "${chargeOutcome == 'PENDING' and execution.getVariable('settlement') != 'COMPLETED'}", "${'non-payment'}", "${false}",
            "${execution.setVariable('approvedBy', task.assignee)}", "P${days}D", "${remindersLeft > 0 ? 'yes' : 'no'}",
            "${decisionResult.getSingleResult().getEntry('giveUp') ? chargeAttempt : chargeAttempt + 1}", "P${decisionResult.getSingleResult().getEntry('retryInDays')}D"})
    void whatTheProjectsModelsWriteIsAllowed(String expression) {
        assertThat(policy.checkValue(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution.processEngineServices.identityService}", "${execution.getProcessEngine()}",
            "${execution.processEngine}", "#{execution.processEngineServices}", "${task.execution.processEngineServices}",
            "${''.getClass().forName('java.lang.Runtime')}", "${retryPolicy.class}", "${retryPolicy.getClass()}",
            "${retryPolicy.cycle.getClass()}", "${execution['processEngineServices']}", "${decisionResult.getSingleResult().getClass()}",
            "${decisionResult.getSingleResult().getEntry(x)}", "${decisionResult.getResultList().getEntry('a')}", "${retryPolicy.getSingleResult().getEntry('a')}", "${x['class']}", "${fn:exit(1)}",
            "${execution}", "${chargePpa.execute(execution)}", "${jdbcClient.toString()}", "${retryPolicy.setCycle('R99/PT0S')}",
            "${execution.setVariable(name, 1)}", "${execution.removeVariables()}", "${customer.name}", "${caseExecution.id}",
            "${(execution).processEngineServices}", "${retryPolicy.nextDate(execution)}", "${retryPolicy.nextDate(''.getClass())}",
            "${unclosed"})
    void escapesAreRefused(String expression) {
        assertThat(policy.checkValue(expression)).as(expression).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${jdbcClient}", "${retryPolicy.cycle}", "${chargePpa.execute(execution)}", "chargePpa", "${noSuchBean}"})
    void delegateExpressionsNameOnlyTheProjectsDelegates(String expression) {
        assertThat(policy.checkDelegate(expression)).as(expression).isPresent();
        assertThat(policy.checkDelegate("${chargePpa}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${retryPolicy}", "${approved == true}", "text ${retryPolicy.nextDate(x)}", "${chargePpa.execute(execution)}"})
    void aCamundaExpressionIsOneAllowedCall(String expression) {
        assertThat(policy.checkCall(expression)).as(expression).isPresent();
        assertThat(policy.checkCall("${retryPolicy.nextDate(customerId)}")).isEmpty();
        assertThat(policy.checkCall("${execution.setVariable('noticeGiven', true)}")).isEmpty();
    }

    /** platform's BusinessHours carries no workflow marker (platform sits below workflow): the guard names it itself. */
    @Test
    void platformsBusinessHoursIsReachableWithoutTheMarker() {
        assertThat(policy.checkValue("${businessHours.nextNotificationDate()}")).isEmpty();
        assertThat(policy.checkValue("${businessHours.nextDayNotificationDate()}")).isEmpty();
        assertThat(policy.checkValue("${businessHours.getClass()}")).isPresent();
    }
}
