package ca.gigafibre.automation.provisioning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tunables of {@code provisioning} used in the BPMN: {@code ${provisioningSettings.cpePollInterval}} between checks
 * that the CPE informed GenieACS, {@code ${provisioningSettings.cpeMaxChecks}} before a person is asked.
 */
@Component("provisioningSettings")
public class ProvisioningSettings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final String cpePollInterval;
    private final int cpeMaxChecks;
    private final String ipPool;

    public ProvisioningSettings(@Value("${automation.provisioning.cpe-poll-interval:PT1M}") String cpePollInterval,
                                @Value("${automation.provisioning.cpe-max-checks:10}") int cpeMaxChecks,
                                @Value("${automation.provisioning.ip-pool:96.125.224.0/20}") String ipPool) {
        this.cpePollInterval = cpePollInterval;
        this.cpeMaxChecks = cpeMaxChecks;
        this.ipPool = ipPool;
    }

    public String getCpePollInterval() {
        return cpePollInterval;
    }

    public int getCpeMaxChecks() {
        return cpeMaxChecks;
    }

    public String getIpPool() {
        return ipPool;
    }
}
