package ca.gigafibre.automation.provisioning;

import org.springframework.stereotype.Component;

/**
 * What BPMN reads of {@link ProvisioningSettings}, under the bean name it always had:
 * {@code ${provisioningSettings.cpePollInterval}} between checks that the CPE informed GenieACS (ISO 8601),
 * {@code ${provisioningSettings.cpeMaxChecks}} before a person is asked.
 */
@Component("provisioningSettings")
public class ProvisioningTimers implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final ProvisioningSettings settings;

    public ProvisioningTimers(ProvisioningSettings settings) {
        this.settings = settings;
    }

    public String getCpePollInterval() {
        return settings.cpePollInterval().toString();
    }

    public int getCpeMaxChecks() {
        return settings.cpeMaxChecks();
    }

    public String getIpPool() {
        return settings.ipPool();
    }
}
