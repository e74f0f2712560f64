package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.provisioning.EquipmentChanged;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AssignEquipment}, run in the completion of "Attribuer l'équipement": the ONT (and router) typed in the form
 * must be in stock with that serial and MAC — not installed or assigned elsewhere — and the phone numbers must be free
 * 10-digit DIDs, one per ordered line. Any problem refuses the completion with the field at fault; the task stays open.
 * The devices are then taken from stock by one conditional update each, so two quotes never get the same device.
 */
@Component("assignQuoteEquipment")
public class AssignQuoteEquipment implements JavaDelegate {

    private static final Pattern SERIAL = Pattern.compile("^[A-Z0-9]{8,16}$");
    private static final Pattern MAC = Pattern.compile("^([0-9A-F]{2}[:-]?){5}[0-9A-F]{2}$");
    private static final Pattern OLT_PORT = Pattern.compile("^\\d+/\\d+/\\d+$");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public AssignQuoteEquipment(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Device(String serial, String mac, String field) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean internet = Boolean.TRUE.equals(execution.getVariable("hasInternetService"));
        List<Device> devices = new ArrayList<>();
        device(execution, "ont", internet, problems).ifPresent(devices::add);
        device(execution, "router", false, problems).ifPresent(devices::add);
        if (devices.size() == 2 && devices.get(0).serial().equals(devices.get(1).serial())) {
            problems.add(new FieldProblem("routerSerial", "is the ONT's serial: the router is another device"));
        }
        String oltId = text(execution, "oltId");
        String oltPort = text(execution, "oltPort");
        if (internet && oltId == null) {
            problems.add(new FieldProblem("oltId", "is required: the OLT that serves the address"));
        }
        if (internet && (oltPort == null || !OLT_PORT.matcher(oltPort).matches())) {
            problems.add(new FieldProblem("oltPort", "must be shelf/slot/port such as 1/2/3"));
        }
        List<String> dids = dids(execution, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String locationNo = (String) execution.getVariable("locationId");
        List<Long> assigned = new ArrayList<>();
        for (Device device : devices) {
            Optional<Long> taken = jdbc.sql("""
                    UPDATE automation.equipment e SET status = 'assigned', customer_id = l.customer_id, location_id = l.id,
                        quote_id = (SELECT id FROM automation.quote WHERE quote_no = :quote)
                    FROM automation.service_location l
                    WHERE l.location_no = :location AND e.serial = :serial AND e.status = 'in-stock' RETURNING e.id
                    """).param("quote", execution.getProcessBusinessKey()).param("location", locationNo).param("serial", device.serial())
                    .query(Long.class).optional();
            if (taken.isEmpty()) {
                throw new InvalidRequestException(device.field() + "Serial", device.serial() + " was just assigned elsewhere: pick another device");
            }
            assigned.add(taken.get());
        }
        events.publishEvent(new EquipmentChanged(assigned));
        if (oltId != null) {
            jdbc.sql("UPDATE automation.service_location SET olt_id = :olt, olt_port = :port WHERE location_no = :no")
                    .param("olt", oltId).param("port", oltPort).param("no", locationNo).update();
        }
        execution.setVariable("ontSerial", devices.isEmpty() || !internet ? null : devices.get(0).serial());
        execution.setVariable("phoneNumbers", String.join(", ", dids));
    }

    private Optional<Device> device(DelegateExecution execution, String kind, boolean required, List<FieldProblem> problems) {
        String serial = text(execution, kind + "Serial");
        String mac = text(execution, kind + "Mac");
        if (serial == null) {
            if (required) {
                problems.add(new FieldProblem(kind + "Serial", "is required"));
            }
            if (mac != null) {
                problems.add(new FieldProblem(kind + "Serial", "is required with a MAC address"));
            }
            return Optional.empty();
        }
        serial = serial.toUpperCase();
        if (!SERIAL.matcher(serial).matches()) {
            problems.add(new FieldProblem(kind + "Serial", "must be 8 to 16 letters and digits, as printed on the device"));
            return Optional.empty();
        }
        if (mac == null || !MAC.matcher(mac.toUpperCase()).matches()) {
            problems.add(new FieldProblem(kind + "Mac", "must be a MAC address such as 3C:52:A1:12:34:56"));
            return Optional.empty();
        }
        String normalisedMac = String.join(":", mac.toUpperCase().replaceAll("[^0-9A-F]", "").split("(?<=\\G..)"));
        String finalSerial = serial;
        Optional<String[]> stock = jdbc.sql("""
                SELECT e.kind, e.status, upper(e.mac), l.location_no FROM automation.equipment e
                LEFT JOIN automation.service_location l ON l.id = e.location_id WHERE e.serial = :serial
                """).param("serial", serial)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).optional();
        if (stock.isEmpty()) {
            problems.add(new FieldProblem(kind + "Serial", serial + " is not in stock"));
        } else if (!kind.equals(stock.get()[0])) {
            problems.add(new FieldProblem(kind + "Serial", serial + " is a " + stock.get()[0] + ", not a " + kind));
        } else if (!"in-stock".equals(stock.get()[1])) {
            problems.add(new FieldProblem(kind + "Serial", serial + " is already " + stock.get()[1]
                    + (stock.get()[3] == null ? "" : " at " + stock.get()[3])));
        } else if (stock.get()[2] != null && !stock.get()[2].equals(normalisedMac)) {
            problems.add(new FieldProblem(kind + "Mac", "does not match the MAC of " + finalSerial + " in stock"));
        } else if (stock.get()[2] == null && jdbc.sql("SELECT exists(SELECT 1 FROM automation.equipment WHERE upper(mac) = :mac)")
                .param("mac", normalisedMac).query(Boolean.class).single()) {
            problems.add(new FieldProblem(kind + "Mac", normalisedMac + " belongs to another device"));
        } else {
            return Optional.of(new Device(serial, normalisedMac, kind));
        }
        return Optional.empty();
    }

    private List<String> dids(DelegateExecution execution, List<FieldProblem> problems) {
        int ordered = execution.getVariable("phoneLinesOrdered") instanceof Number n ? n.intValue() : 0;
        String typed = text(execution, "phoneNumbers");
        List<String> dids = typed == null ? List.of() : Arrays.stream(typed.split("[,;\\n]+"))
                .map(d -> d.replaceAll("\\D", "")).map(d -> d.length() == 11 && d.startsWith("1") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty()).toList();
        if (dids.size() != ordered) {
            problems.add(new FieldProblem("phoneNumbers", "the quote orders " + ordered + " phone line(s): give " + ordered
                    + " number(s), " + dids.size() + " given"));
            return dids;
        }
        for (String did : dids) {
            if (did.length() != 10) {
                problems.add(new FieldProblem("phoneNumbers", did + " is not a 10-digit phone number"));
            } else if (jdbc.sql("SELECT exists(SELECT 1 FROM automation.voip_line WHERE did = :did AND state <> 'cancelled')")
                    .param("did", did).query(Boolean.class).single()) {
                problems.add(new FieldProblem("phoneNumbers", did + " already has a line in service"));
            }
        }
        if (dids.stream().distinct().count() != dids.size()) {
            problems.add(new FieldProblem("phoneNumbers", "the same number is given twice"));
        }
        return dids;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
