package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the synthetic generators share: the seeded random source, the day the data ends ("today"), the scale,
 * the next free id of each table, the customers made so far, and the COPY buffers in foreign-key order.
 */
final class SyntheticWorld {

    /** How a customer pays, per the volumes document's breakdown of active accounts. */
    enum PaymentProfile { NONE, BANK_PPA, STRIPE_CARD, STRIPE_PPA, BANK_PPA_AND_STRIPE_CARD }

    record Customer(long id, long locationId, boolean active, PaymentProfile profile, String firstName, String lastName,
                    String language, boolean commercial, QuebecReference.Town town, String streetNumber, String apt, String streetName,
                    String postalCode, LocalDate since) {
    }

    final SplittableRandom random;
    final LocalDate today;
    final double scale;
    final SecretCipher cipher;
    final List<Customer> customers = new ArrayList<>();
    private final Map<String, Long> nextIds;
    private final Map<String, CopyTable> tables = new LinkedHashMap<>();

    SyntheticWorld(long seed, LocalDate today, double scale, SecretCipher cipher, Map<String, Long> firstFreeIds) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.scale = scale;
        this.cipher = cipher;
        this.nextIds = new HashMap<>(firstFreeIds);
    }

    /** A count of the legacy volumes at this scale. */
    int scaled(int countAtScaleOne) {
        return scaled(countAtScaleOne, scale);
    }

    static int scaled(int countAtScaleOne, double scale) {
        return (int) Math.round(countAtScaleOne * scale);
    }

    /** The field team is added once: a load on top of existing data keeps the technicians people already use. */
    boolean techniciansExist;

    long nextId(String table) {
        return nextIds.merge(table, 1L, Long::sum) - 1;
    }

    CopyTable table(String name, String... columns) {
        return tables.computeIfAbsent(name, n -> new CopyTable(n, columns));
    }

    Map<String, CopyTable> tables() {
        return tables;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    /** {@code count} distinct elements of {@code from}, chosen with the seeded random. */
    <T> List<T> sample(List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        int n = Math.min(count, copy.size());
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.size() - i);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return new ArrayList<>(copy.subList(0, n));
    }

    List<Customer> activeCustomers() {
        return customers.stream().filter(Customer::active).toList();
    }
}
