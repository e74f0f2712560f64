package ca.gigafibre.automation.demo;

import static ca.gigafibre.automation.demo.QuebecReference.pick;

import ca.gigafibre.automation.billing.invoice.QuebecTaxes;
import ca.gigafibre.automation.demo.SyntheticWorld.Customer;
import ca.gigafibre.automation.demo.SyntheticWorld.PaymentProfile;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans, subscriptions (21,876 at scale 1.0; every active account has internet, some have phone lines and
 * add-ons, former customers keep cancelled ones) and twelve months of invoices with TPS/TVQ, payments and
 * their allocations for every active account. About 7 % of accounts that pay by hand are behind.
 */
final class SyntheticBilling {

    record PlanRef(long id, String sku, BigDecimal price, String frequency, String nameFr) {
    }

    record Sub(long id, Customer customer, PlanRef plan, BigDecimal unitPrice, LocalDate start) {
    }

    /** Phone subscriptions made here, one per future DID, for the telephony generator. */
    final List<Sub> phoneSubscriptions = new ArrayList<>();
    private final SyntheticWorld world;
    private final Map<String, PlanRef> plans;
    private final Map<Long, List<Sub>> activeSubsByCustomer = new HashMap<>();

    SyntheticBilling(SyntheticWorld world, Map<String, PlanRef> existingPlans) {
        this.world = world;
        this.plans = new HashMap<>(existingPlans);
    }

    void generate() {
        if (!plans.containsKey("FIB-100")) {
            catalog();
        }
        subscriptions();
        invoices();
    }

    private void catalog() {
        CopyTable table = world.table("plan", "id", "sku", "name_fr", "name_en", "price", "billing_frequency", "category",
                "download_mbps", "upload_mbps", "olt_profile", "active", "phone_line");
        for (PlanCatalog.Plan p : PlanCatalog.CURRENT) {
            long id = world.nextId("plan");
            table.row(id, p.sku(), p.nameFr(), p.nameEn(), p.priceAmount(), p.frequency(), p.category(), p.down(), p.up(),
                    p.down() == null ? null : "FTTH-" + p.down(), true, p.phoneLine());
            plans.put(p.sku(), new PlanRef(id, p.sku(), p.priceAmount(), p.frequency(), p.nameFr()));
        }
        int retired = Math.max(0, world.scaled(833) - PlanCatalog.CURRENT.size());
        for (int i = 1; i <= retired; i++) {
            PlanCatalog.Plan base = pick(world.random, PlanCatalog.CURRENT);
            BigDecimal price = base.priceAmount().multiply(BigDecimal.valueOf(0.6 + world.random.nextDouble() * 0.6))
                    .setScale(2, RoundingMode.HALF_UP);
            table.row(world.nextId("plan"), String.format("LEG-%04d", i), base.nameFr() + " (ancien " + (2012 + i % 12) + ")",
                    base.nameEn() + " (legacy " + (2012 + i % 12) + ")", price, base.frequency(), base.category(), base.down(),
                    base.up(), base.down() == null ? null : "FTTH-" + base.down(), false, base.phoneLine());
        }
    }

    private void subscriptions() {
        List<Customer> active = world.activeCustomers();
        List<Customer> former = world.customers.stream().filter(c -> !c.active()).toList();
        for (Customer c : active) {
            String sku = c.commercial() ? pick(world.random, List.of("FIB-100-COM", "FIB-1000-COM"))
                    : pick(world.random, List.of("FIB-100", "FIB-100", "FIB-300", "FIB-300", "FIB-500", "FIB-1000", "FIB-1500"));
            subscribe(c, sku, "active", c.since());
        }
        int remaining = world.scaled(21876) - active.size();
        List<Customer> phoneCustomers = world.sample(active, world.scaled(745));
        int lines = world.scaled(790);
        for (int i = 0; i < lines && remaining > 0; i++, remaining--) {
            Customer c = i < phoneCustomers.size() ? phoneCustomers.get(i) : pick(world.random, phoneCustomers);
            phoneSubscriptions.add(subscribe(c, c.commercial() ? "VOIP-BUS" : "VOIP-RES", "active", c.since().plusMonths(world.between(0, 6))));
        }
        int addOns = remaining / 2;
        for (int i = 0; i < addOns; i++) {
            Customer c = pick(world.random, active);
            subscribe(c, pick(world.random, PlanCatalog.ADD_ONS), "active", c.since().plusMonths(world.between(0, 10)));
        }
        for (int i = addOns; i < remaining && !former.isEmpty(); i++) {
            Customer c = pick(world.random, former);
            subscribe(c, pick(world.random, List.of("FIB-100", "FIB-300", "TV-BASE", "VOIP-RES", "RTR-RENT")), "cancelled", c.since());
        }
    }

    private Sub subscribe(Customer c, String sku, String status, LocalDate start) {
        PlanRef plan = plans.get(sku);
        long id = world.nextId("subscription");
        BigDecimal price = world.chance(0.1) ? plan.price().multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP) : plan.price();
        LocalDate end = "cancelled".equals(status) ? start.plusMonths(world.between(1, 60)) : null;
        if (end != null && end.isAfter(world.today)) {
            end = world.today.minusDays(1);
        }
        LocalDate effectiveStart = end != null && start.isAfter(end) ? end : start;
        world.table("subscription", "id", "customer_id", "location_id", "plan_id", "quantity", "unit_price", "billing_frequency",
                        "status", "start_date", "end_date", "billed_through")
                .row(id, c.id(), c.locationId(), plan.id(), 1, price, plan.frequency(), status, effectiveStart, end,
                        billedThrough(plan.frequency(), effectiveStart, end));
        Sub sub = new Sub(id, c, plan, price, effectiveStart);
        if ("active".equals(status)) {
            activeSubsByCustomer.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(sub);
        }
        return sub;
    }

    /** The history is billed up to the end of this month (the legacy system billed cancelled subscriptions to their end). */
    private LocalDate billedThrough(String frequency, LocalDate start, LocalDate end) {
        LocalDate thisMonthEnd = world.today.withDayOfMonth(world.today.lengthOfMonth());
        if (end != null) {
            return end;
        }
        if (start.isAfter(thisMonthEnd)) {
            return null;
        }
        return switch (frequency) {
            case "annual" -> {
                LocalDate term = start;
                while (!term.plusYears(1).isAfter(thisMonthEnd)) {
                    term = term.plusYears(1);
                }
                yield term.plusYears(1).minusDays(1);
            }
            case "one-time" -> start;
            default -> thisMonthEnd;
        };
    }

    private void invoices() {
        LocalDate thisMonth = world.today.withDayOfMonth(1);
        for (Customer c : world.activeCustomers()) {
            boolean paysByHand = c.profile() == PaymentProfile.NONE || c.profile() == PaymentProfile.STRIPE_CARD;
            int unpaidTail = paysByHand && world.chance(0.07) ? world.between(1, 3) : 0;
            for (int monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
                LocalDate issue = thisMonth.minusMonths(monthsAgo);
                boolean leftUnpaid = monthsAgo < unpaidTail;
                invoice(c, issue, leftUnpaid);
            }
        }
    }

    private void invoice(Customer c, LocalDate issue, boolean leftUnpaid) {
        List<Sub> due = activeSubsByCustomer.getOrDefault(c.id(), List.of()).stream()
                .filter(s -> !s.start().isAfter(issue))
                .filter(s -> !"annual".equals(s.plan().frequency()) || s.start().getMonth() == issue.getMonth())
                .toList();
        if (due.isEmpty()) {
            return;
        }
        long invoiceId = world.nextId("invoice");
        BigDecimal subtotal = BigDecimal.ZERO;
        int lineNo = 1;
        CopyTable lines = world.table("invoice_line", "invoice_id", "line_no", "subscription_id", "sku", "description",
                "quantity", "unit_price", "amount", "billing_frequency");
        for (Sub s : due) {
            lines.row(invoiceId, lineNo++, s.id(), s.plan().sku(), s.plan().nameFr(), BigDecimal.ONE.setScale(2), s.unitPrice(),
                    s.unitPrice(), s.plan().frequency());
            subtotal = subtotal.add(s.unitPrice());
        }
        QuebecTaxes taxes = QuebecTaxes.on(subtotal);
        LocalDate dueDate = issue.plusDays(21);
        LocalDate paidOn = leftUnpaid ? null : paymentDate(c, issue);
        boolean paid = paidOn != null && !paidOn.isAfter(world.today);
        world.table("invoice", "id", "customer_id", "issue_date", "due_date", "period_start", "period_end", "subtotal", "tps",
                        "tvq", "total", "amount_paid", "status", "created_at")
                .row(invoiceId, c.id(), issue, dueDate, issue, issue.plusMonths(1).minusDays(1), taxes.subtotal(), taxes.tps(),
                        taxes.tvq(), taxes.total(), paid ? taxes.total() : BigDecimal.ZERO.setScale(2), paid ? "paid" : "open",
                        issue.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        if (paid) {
            long paymentId = world.nextId("payment");
            world.table("payment", "id", "customer_id", "received_at", "amount", "method", "reference")
                    .row(paymentId, c.id(), paidOn.atTime(world.between(8, 20), world.between(0, 59)).atZone(BusinessTime.ZONE).toOffsetDateTime(),
                            taxes.total(), method(c), null);
            world.table("payment_allocation", "payment_id", "invoice_id", "amount").row(paymentId, invoiceId, taxes.total());
        }
    }

    private LocalDate paymentDate(Customer c, LocalDate issue) {
        return switch (c.profile()) {
            case BANK_PPA, STRIPE_PPA, BANK_PPA_AND_STRIPE_CARD -> issue.plusDays(3);
            default -> issue.plusDays(world.between(2, 25));
        };
    }

    private String method(Customer c) {
        return switch (c.profile()) {
            case BANK_PPA, BANK_PPA_AND_STRIPE_CARD -> "bank-ppa";
            case STRIPE_PPA, STRIPE_CARD -> "stripe";
            case NONE -> world.chance(0.7) ? "portal" : world.chance(0.67) ? "cheque" : "transfer";
        };
    }
}
