package ca.gigafibre.automation.demo;

import static ca.gigafibre.automation.demo.QuebecReference.pick;

import ca.gigafibre.automation.billing.invoice.QuebecTaxes;
import ca.gigafibre.automation.demo.SyntheticWorld.Customer;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What staff did over the years: payment arrangements (7,283 for 1,687 customers: 10 pending, 2,205 open,
 * 5,068 completed), suspensions (1,049, most of them flags without dates, as in the legacy table), tickets
 * (98,524), work orders with technicians' times (14,486 for 10,110 customers) and quotes (908 for 529 customers).
 */
final class SyntheticOperations {

    private static final List<String> METHODS = List.of("unset", "portal", "cheque", "phone", "ppa");

    private final SyntheticWorld world;

    SyntheticOperations(SyntheticWorld world) {
        this.world = world;
    }

    void generate() {
        arrangements();
        suspensions();
        tickets();
        workOrders();
        quotes();
        technicians();
    }

    /** The field team (skills as tags with levels 1–5, home base for distances), added once. */
    private void technicians() {
        if (world.techniciansExist) {
            return;
        }
        CopyTable table = world.table("technician", "id", "name", "email", "skills", "base_latitude", "base_longitude", "active");
        List<String> skills = List.of("{\"fibre\": 5, \"installation\": 5, \"voip\": 3}", "{\"fibre\": 4, \"installation\": 4, \"wifi\": 3}",
                "{\"installation\": 3, \"wifi\": 4, \"voip\": 2}", "{\"fibre\": 3, \"installation\": 2, \"voip\": 5}",
                "{\"installation\": 4, \"wifi\": 2}", "{\"fibre\": 2, \"installation\": 3, \"wifi\": 5}",
                "{\"fibre\": 5, \"voip\": 4}", "{\"installation\": 1, \"wifi\": 3}");
        for (int i = 0; i < QuebecReference.TECHNICIANS.size(); i++) {
            String name = QuebecReference.TECHNICIANS.get(i);
            table.row(world.nextId("technician"), name, java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase().replace(' ', '.') + "@targo.ca", skills.get(i % skills.size()),
                    new BigDecimal("45.40").add(BigDecimal.valueOf(i % 4, 2)), new BigDecimal("-72.73").subtract(BigDecimal.valueOf(i % 3, 2)), true);
        }
    }

    private void arrangements() {
        List<String> statuses = new ArrayList<>();
        repeat(statuses, "pending", world.scaled(10));
        repeat(statuses, "open", world.scaled(2205));
        repeat(statuses, "completed", world.scaled(5068));
        Collections.shuffle(statuses, new Random(world.random.nextLong()));
        List<Customer> who = world.sample(world.customers, world.scaled(1687));
        CopyTable table = world.table("payment_arrangement", "customer_id", "amount", "agreed_date", "due_date", "cutoff_date",
                "method", "status", "staff", "note", "change_reason");
        for (int i = 0; i < statuses.size() && !who.isEmpty(); i++) {
            Customer c = i < who.size() ? who.get(i) : pick(world.random, who);
            LocalDate agreed = world.today.minusDays(world.between(1, 4 * 365));
            LocalDate due = agreed.plusDays(world.between(7, 30));
            String staff = pick(world.random, QuebecReference.STAFF);
            table.row(c.id(), new BigDecimal(world.between(50, 500) + ".00"), agreed, due, due.plusDays(world.between(3, 10)),
                    pick(world.random, METHODS), statuses.get(i), staff, "Par téléphone avec " + staff,
                    world.chance(0.05) ? "Date repoussée à la demande du client" : null);
        }
    }

    private void suspensions() {
        CopyTable table = world.table("suspension", "customer_id", "started_at", "ended_at", "reason", "note");
        List<Customer> suspendedNow = world.customers.stream().filter(c -> !c.active()).limit(world.scaled(25)).toList();
        for (Customer c : suspendedNow) {
            table.row(c.id(), daysAgo(world.between(3, 60)), null, "non-payment", "Suspendu pour non-paiement");
        }
        int rest = world.scaled(1049) - suspendedNow.size();
        for (int i = 0; i < rest; i++) {
            Customer c = pick(world.random, world.customers);
            if (world.chance(0.85)) {
                table.row(c.id(), null, null, "legacy-flag", "Drapeau de suspension importé (sans dates)");
            } else {
                OffsetDateTime start = daysAgo(world.between(90, 3000));
                table.row(c.id(), start, start.plusDays(world.between(1, 20)), "non-payment", "Rebranché après paiement");
            }
        }
    }

    private void tickets() {
        CopyTable table = world.table("ticket", "customer_id", "location_id", "subject", "issue_type", "priority", "status",
                "is_important", "assigned_staff", "opened_at", "closed_at");
        for (int i = 0; i < world.scaled(98524); i++) {
            Customer c = pick(world.random, world.customers);
            OffsetDateTime opened = daysAgo(world.between(0, 3650));
            boolean open = opened.isAfter(daysAgo(14)) && world.chance(0.5);
            table.row(c.id(), c.locationId(), pick(world.random, QuebecReference.TICKET_SUBJECTS),
                    pick(world.random, List.of("internet", "phone", "tv", "billing", "installation")),
                    pick(world.random, List.of("low", "normal", "normal", "normal", "high", "urgent")), open ? "open" : "closed",
                    world.chance(0.03), pick(world.random, QuebecReference.STAFF), opened, open ? null : opened.plusHours(world.between(1, 240)));
        }
    }

    private void workOrders() {
        List<Customer> who = world.sample(world.customers, world.scaled(10110));
        CopyTable orders = world.table("work_order", "id", "customer_id", "work_date", "note", "billable", "subtotal", "tps", "tvq", "total");
        CopyTable techs = world.table("work_order_technician", "work_order_id", "technician", "arrived_at", "departed_at");
        int parts = world.scaled(3);
        for (int i = 0; i < world.scaled(14486) && !who.isEmpty(); i++) {
            Customer c = i < who.size() ? who.get(i) : pick(world.random, who);
            long id = world.nextId("work_order");
            LocalDate day = world.today.minusDays(world.between(1, 3650));
            OffsetDateTime arrive = day.atTime(world.between(8, 16), world.between(0, 59)).atZone(BusinessTime.ZONE).toOffsetDateTime();
            OffsetDateTime depart = arrive.plusMinutes(world.between(20, 240));
            techs.row(id, pick(world.random, QuebecReference.TECHNICIANS), arrive, depart);
            if (world.chance(0.2)) {
                techs.row(id, pick(world.random, QuebecReference.TECHNICIANS), arrive.plusMinutes(10), depart);
            }
            boolean billable = world.chance(0.3);
            BigDecimal hours = BigDecimal.valueOf(java.time.Duration.between(arrive, depart).toMinutes()).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
            QuebecTaxes taxes = QuebecTaxes.on(billable ? hours.multiply(new BigDecimal("95.00")) : BigDecimal.ZERO);
            orders.row(id, c.id(), day, pick(world.random, List.of("Remplacement ONT", "Installation fibre", "Vérification signal",
                    "Réparation câblage", "Installation ATA", "Déménagement du service")), billable, taxes.subtotal(), taxes.tps(),
                    taxes.tvq(), taxes.total());
            if (i < parts) {
                world.table("work_order_part", "work_order_id", "sku", "description", "quantity", "unit_price", "amount")
                        .row(id, "RTR-SALE", "Routeur Wi-Fi 6 (vente)", BigDecimal.ONE, new BigDecimal("149.00"), new BigDecimal("149.00"));
            }
        }
    }

    private void quotes() {
        List<Customer> who = world.sample(world.customers, world.scaled(529));
        CopyTable quotes = world.table("quote", "id", "customer_id", "location_id", "template", "quote_date", "expires_on", "status", "terms");
        CopyTable lines = world.table("quote_line", "quote_id", "kind", "sku", "description", "unit_amount", "quantity", "total");
        for (int i = 0; i < world.scaled(908) && !who.isEmpty(); i++) {
            Customer c = i < who.size() ? who.get(i) : pick(world.random, who);
            long id = world.nextId("quote");
            LocalDate date = world.today.minusDays(world.between(1, 2500));
            String template = pick(world.random, List.of("Résidentiel", "Commercial", "Téléphonie"));
            quotes.row(id, c.id(), c.locationId(), template, date, date.plusDays(30),
                    pick(world.random, List.of("accepted", "accepted", "expired", "sent", "cancelled")),
                    "Prix valides 30 jours. Taxes en sus.");
            lines.row(id, "one-time", "INST-FIB", "Installation fibre", new BigDecimal("99.00"), BigDecimal.ONE, new BigDecimal("99.00"));
            if (world.chance(0.4)) {
                lines.row(id, "one-time", "RTR-SALE", "Routeur Wi-Fi 6 (vente)", new BigDecimal("149.00"), BigDecimal.ONE, new BigDecimal("149.00"));
            }
            lines.row(id, "monthly", "Commercial".equals(template) ? "FIB-1000-COM" : "FIB-300", "Fibre (mensuel)",
                    new BigDecimal("Commercial".equals(template) ? "179.95" : "74.95"), BigDecimal.ONE,
                    new BigDecimal("Commercial".equals(template) ? "179.95" : "74.95"));
            if ("Téléphonie".equals(template)) {
                lines.row(id, "monthly", "VOIP-RES", "Ligne téléphonique résidentielle", new BigDecimal("24.95"), BigDecimal.ONE, new BigDecimal("24.95"));
            }
        }
    }

    private OffsetDateTime daysAgo(int days) {
        return world.today.minusDays(days).atTime(world.between(8, 18), world.between(0, 59)).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    private static void repeat(List<String> list, String value, int count) {
        for (int i = 0; i < count; i++) {
            list.add(value);
        }
    }
}
