package ca.gigafibre.automation.demo;

import static ca.gigafibre.automation.demo.QuebecReference.pick;

import ca.gigafibre.automation.demo.SyntheticWorld.Customer;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Equipment (7,241 at scale 1.0: an ONT per active account, then routers and TV boxes) and IP history (20,999 for 5,769 customers). */
final class SyntheticNetwork {

    private final SyntheticWorld world;

    SyntheticNetwork(SyntheticWorld world) {
        this.world = world;
    }

    void generate() {
        equipment();
        stock();
        ipHistory();
    }

    private void equipment() {
        List<Customer> active = world.activeCustomers();
        int total = world.scaled(7241);
        CopyTable table = world.table("equipment", "id", "customer_id", "location_id", "kind", "serial", "mac", "model", "status");
        for (int i = 0; i < total && !active.isEmpty(); i++) {
            Customer c = i < active.size() ? active.get(i) : pick(world.random, active);
            long id = world.nextId("equipment");
            String kind = i < active.size() ? "ont" : world.chance(0.7) ? "router" : "tv-box";
            String serial = switch (kind) {
                case "ont" -> "TPLG" + String.format("%08X", id);
                case "router" -> "RTR" + String.format("%09d", id);
                default -> "STB" + String.format("%09d", id);
            };
            table.row(id, c.id(), c.locationId(), kind, serial, mac(), switch (kind) {
                case "ont" -> "TP-Link XZ000-G3";
                case "router" -> "TP-Link Deco X55";
                default -> "Android TV Box";
            }, "installed");
        }
    }

    /** Devices on the shelf for new installations (ids make serials and MACs unique across loads). */
    private void stock() {
        CopyTable table = world.table("equipment", "id", "customer_id", "location_id", "kind", "serial", "mac", "model", "status");
        for (int i = 0; i < 30; i++) {
            long id = world.nextId("equipment");
            boolean ont = i < 20;
            table.row(id, null, null, ont ? "ont" : "router", ont ? "TPLG" + String.format("%08X", id) : "RTR" + String.format("%09d", id),
                    String.format(ont ? "3C:52:A2:%02X:%02X:%02X" : "3C:52:A3:%02X:%02X:%02X", (id >> 16) & 0xFF, (id >> 8) & 0xFF, id & 0xFF),
                    ont ? "TP-Link XZ000-G3" : "TP-Link Deco X55", "in-stock");
        }
    }

    private void ipHistory() {
        List<Customer> customers = world.sample(world.activeCustomers(), world.scaled(5769));
        int total = world.scaled(20999);
        List<List<OffsetDateTime>> changes = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            changes.add(new ArrayList<>());
        }
        for (int i = 0; i < total && !customers.isEmpty(); i++) {
            int who = i < customers.size() ? i : world.random.nextInt(customers.size());
            Customer c = customers.get(who);
            long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(c.since(), world.today));
            changes.get(who).add(c.since().plusDays(world.random.nextLong(days))
                    .atTime(world.between(0, 23), world.between(0, 59)).atZone(BusinessTime.ZONE).toOffsetDateTime());
        }
        CopyTable table = world.table("ip_assignment", "customer_id", "location_id", "ip", "assigned_at", "released_at");
        for (int i = 0; i < customers.size(); i++) {
            List<OffsetDateTime> times = changes.get(i);
            times.sort(null);
            Customer c = customers.get(i);
            for (int k = 0; k < times.size(); k++) {
                // the current IP is unique (an IP serves one customer at a time); older ones were reused since
                boolean current = k + 1 == times.size();
                String ip = current ? currentIp(i) : "96.125." + world.between(192, 223) + "." + world.between(2, 254);
                table.row(c.id(), c.locationId(), ip, times.get(k), k + 1 < times.size() ? times.get(k + 1) : null);
            }
        }
    }

    /** The i-th customer's address in service: 250 per /24 from 96.125.192.0, on into the next /16 past scale 2. */
    static String currentIp(int i) {
        long address = (96L << 24 | 125L << 16 | 192L << 8) + (long) (i / 250) * 256 + 2 + i % 250;
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    private String mac() {
        StringBuilder mac = new StringBuilder("3C:52:A1");
        for (int i = 0; i < 3; i++) {
            mac.append(':').append(String.format("%02X", world.random.nextInt(256)));
        }
        return mac.toString();
    }
}
