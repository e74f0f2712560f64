package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ConfigureAta} (a retried job): the DID's ATA is a TR-069 device — found in GenieACS by its MAC — and gets
 * its SIP account as TR-104 {@code VoiceService} parameters (user, password read from the encrypted store at call time,
 * URI, registrar, message waiting), then they are read back; only a matching read-back marks the ATA configured. An ATA
 * that has not informed GenieACS yet, or reads back something else, fails the job (retries, then an incident). A line
 * without an ATA (softphone, IP phone) has nothing to do here.
 */
@Component("configureAta")
public class ConfigureAtaDelegate implements JavaDelegate {

    static final String PROFILE = "InternetGatewayDevice.Services.VoiceService.1.VoiceProfile.1.";
    static final String LINE = PROFILE + "Line.1.";

    private final JdbcClient jdbc;
    private final GenieAcsClient acs;
    private final SecretCipher cipher;
    private final String registrar;

    public ConfigureAtaDelegate(JdbcClient jdbc, GenieAcsClient acs, SecretCipher cipher,
                                VoipSettings settings) {
        this.jdbc = jdbc;
        this.acs = acs;
        this.cipher = cipher;
        this.registrar = settings.sipRegistrar();
    }

    private record Ata(String mac, long lineId, byte[] sipPassword, boolean voicemail) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        List<Ata> atas = jdbc.sql("""
                SELECT a.mac, v.id, v.sip_password_enc, v.voicemail_enabled FROM automation.ata_config a
                JOIN automation.voip_line v ON v.did = a.did AND v.state <> 'cancelled' WHERE a.did = :did
                """).param("did", did).query((rs, n) -> new Ata(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getBoolean(4))).list();
        if (atas.isEmpty()) {
            execution.setVariable("ataConfigured", false);
            return;
        }
        Ata ata = atas.get(0);
        String deviceId = acs.findCpe(null, ata.mac()).map(GenieAcsClient.CpeDevice::id)
                .orElseThrow(() -> new ExternalSystemUnavailable(GenieAcsClient.SYSTEM, "GET /devices",
                        "the ATA " + ata.mac() + " of " + did + " has not informed GenieACS yet (is it plugged in?)", null));
        Map<String, String> expected = Map.of(LINE + "SIP.AuthUserName", did, LINE + "SIP.URI", "sip:" + did + "@" + registrar,
                PROFILE + "SIP.RegistrarServer", registrar, LINE + "CallingFeatures.MWIEnable", String.valueOf(ata.voicemail()));
        List<List<String>> values = new java.util.ArrayList<>();
        expected.forEach((name, value) -> values.add(List.of(name, value, name.endsWith("MWIEnable") ? "xsd:boolean" : "xsd:string")));
        values.add(List.of(LINE + "SIP.AuthPassword", cipher.decrypt(ata.sipPassword(), SecretColumn.SIP_PASSWORD, ata.lineId()), "xsd:string"));
        acs.setParameterValues(deviceId, values);
        Map<String, String> readBack = acs.parameterValues(deviceId, List.copyOf(expected.keySet()));
        if (!readBack.equals(expected)) {
            throw new ExternalSystemUnavailable(GenieAcsClient.SYSTEM, "GET /devices", "the ATA " + ata.mac() + " of " + did
                    + " reads back other SIP settings than were pushed: " + readBack.keySet().stream()
                    .filter(k -> !expected.get(k).equals(readBack.get(k))).toList(), null);
        }
        jdbc.sql("UPDATE automation.ata_config SET configured_at = coalesce(configured_at, now()) WHERE did = :did").param("did", did).update();
        execution.setVariable("ataConfigured", true);
    }
}
