package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ConfigureCpe}: sets the ordered Wi-Fi name and key on the CPE through GenieACS (the key decrypted for this call only). */
@Component("configureCpe")
public class ConfigureCpeDelegate implements JavaDelegate {

    static final String WLAN = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.";

    private final ServiceOrders orders;
    private final GenieAcsClient acs;
    private final SecretCipher cipher;

    public ConfigureCpeDelegate(ServiceOrders orders, GenieAcsClient acs, SecretCipher cipher) {
        this.orders = orders;
        this.acs = acs;
        this.cipher = cipher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceOrders.Order order = orders.get(execution.getProcessBusinessKey());
        if (order.wifiSsid() == null) {
            return;
        }
        acs.setParameterValues((String) execution.getVariable("cpeDeviceId"), List.of(
                List.of(WLAN + "SSID", order.wifiSsid(), "xsd:string"),
                List.of(WLAN + "PreSharedKey.1.KeyPassphrase", cipher.decrypt(order.wifiKeyEncrypted(), SecretColumn.WIFI_KEY, order.orderId()),
                        "xsd:string")));
    }
}
