package ca.gigafibre.automation.support;

import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import ca.gigafibre.automation.adapter.olt.OltClient;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A location's live connection: the ONT on the OLT (state, optical power judged by the DMN {@code optical-power}), the CPE
 * in GenieACS (found by serial, else by MAC: serials differ between systems; online when it informed recently; Wi-Fi
 * clients) and the current IP. External calls fail as the adapters do (retried by a job, a 503 problem for the API).
 */
@Service
public class ConnectionDiagnosis {

    private final JdbcClient jdbc;
    private final OltClient olt;
    private final GenieAcsClient acs;
    private final DecisionService dmn;
    private final Duration onlineWithin;

    public ConnectionDiagnosis(JdbcClient jdbc, OltClient olt, GenieAcsClient acs, DecisionService dmn,
                               SupportSettings settings) {
        this.jdbc = jdbc;
        this.olt = olt;
        this.acs = acs;
        this.dmn = dmn;
        this.onlineWithin = settings.cpeOnlineWithin();
    }

    public record Connection(String locationId, String ontSerial, String ontState, Double rxPowerDbm, String signal, String signalAdvice,
                             boolean cpeFound, String cpeFoundBy, String cpeDeviceId, boolean online, Instant lastInform,
                             Integer wifiClients, String ip) {

        /** One readable paragraph, French first, for the ticket and the forms. */
        public String summary() {
            String ont = ontSerial == null ? "Aucun ONT installé / No ONT installed"
                    : "ONT " + ontSerial + " : " + (ontState == null ? "inconnu de l'OLT / unknown to the OLT" : ontState)
                    + (rxPowerDbm == null ? "" : ", " + String.format(java.util.Locale.ROOT, "%.1f", rxPowerDbm) + " dBm") + " — " + signalAdvice;
            String cpe = !cpeFound ? "CPE introuvable dans GenieACS / CPE not found in GenieACS"
                    : "CPE " + cpeDeviceId + " (trouvé par / found by " + cpeFoundBy + ") : " + (online ? "en ligne / online" : "hors ligne / offline")
                    + ", dernier contact / last inform " + lastInform + (wifiClients == null ? "" : ", " + wifiClients + " client(s) Wi-Fi");
            return ont + "\n" + cpe + "\nIP : " + (ip == null ? "aucune / none" : ip);
        }
    }

    public Connection of(long locationId) {
        String locationNo = jdbc.sql("SELECT location_no FROM automation.service_location WHERE id = :id").param("id", locationId)
                .query(String.class).single();
        Optional<String[]> ont = jdbc.sql("""
                SELECT serial, mac FROM automation.equipment WHERE location_id = :id AND kind = 'ont' AND status IN ('installed', 'assigned')
                ORDER BY status = 'installed' DESC, id DESC LIMIT 1
                """).param("id", locationId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        Optional<OltClient.Ont> onOlt = ont.flatMap(o -> olt.find(o[0]));
        Double rx = onOlt.map(OltClient.Ont::rxPowerDbm).orElse(null);
        Map<String, Object> optical = dmn.evaluateDecisionTableByKey("optical-power",
                Map.of("hasReading", rx != null, "rxPowerDbm", rx == null ? -99.0 : rx)).getSingleResult().getEntryMap();
        Optional<GenieAcsClient.CpeDevice> cpe = ont.isEmpty() ? Optional.empty() : acs.findCpe(ont.get()[0], ont.get()[1]);
        boolean online = cpe.map(d -> d.lastInform() != null
                && Duration.between(d.lastInform(), BusinessTime.now().toInstant()).compareTo(onlineWithin) <= 0).orElse(false);
        String ip = jdbc.sql("SELECT host(ip) FROM automation.ip_assignment WHERE location_id = :id AND released_at IS NULL ORDER BY assigned_at DESC LIMIT 1")
                .param("id", locationId).query(String.class).optional().orElse(null);
        return new Connection(locationNo, ont.map(o -> o[0]).orElse(null), onOlt.map(OltClient.Ont::state).orElse(null), rx,
                (String) optical.get("signal"), (String) optical.get("advice"), cpe.isPresent(), cpe.map(GenieAcsClient.CpeDevice::foundBy).orElse(null),
                cpe.map(GenieAcsClient.CpeDevice::id).orElse(null), online, cpe.map(GenieAcsClient.CpeDevice::lastInform).orElse(null),
                cpe.map(GenieAcsClient.CpeDevice::wifiClients).orElse(null), ip);
    }
}
