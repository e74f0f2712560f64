package ca.gigafibre.automation.provisioning;

import java.util.List;

public record ServiceOrderView(String subscriptionId, String customerId, String locationId, String sku, String ontSerial,
                               List<String> dids, String status, String processInstanceId) {
}
