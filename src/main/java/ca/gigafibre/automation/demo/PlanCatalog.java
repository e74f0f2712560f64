package ca.gigafibre.automation.demo;

import java.math.BigDecimal;
import java.util.List;

/** The ISP's current plans (the rest of the 833 legacy items are generated as retired variants). */
final class PlanCatalog {

    record Plan(String sku, String nameFr, String nameEn, String price, String frequency, String category, Integer down, Integer up) {

        BigDecimal priceAmount() {
            return new BigDecimal(price);
        }

        /** A phone line (needs a DID and its 911 address when activated), as opposed to a long-distance add-on. */
        boolean phoneLine() {
            return "phone".equals(category) && !"VOIP-INTL".equals(sku);
        }
    }

    static final List<Plan> CURRENT = List.of(
            new Plan("FIB-100", "Fibre 100 Mbit/s", "Fibre 100 Mbps", "59.95", "monthly", "internet", 100, 100),
            new Plan("FIB-300", "Fibre 300 Mbit/s", "Fibre 300 Mbps", "74.95", "monthly", "internet", 300, 300),
            new Plan("FIB-500", "Fibre 500 Mbit/s", "Fibre 500 Mbps", "84.95", "monthly", "internet", 500, 500),
            new Plan("FIB-1000", "Fibre 1 Gbit/s", "Fibre 1 Gbps", "99.95", "monthly", "internet", 1000, 1000),
            new Plan("FIB-1500", "Fibre 1,5 Gbit/s", "Fibre 1.5 Gbps", "119.95", "monthly", "internet", 1500, 940),
            new Plan("FIB-100-COM", "Fibre affaires 100 Mbit/s", "Business fibre 100 Mbps", "89.95", "monthly", "internet", 100, 100),
            new Plan("FIB-1000-COM", "Fibre affaires 1 Gbit/s", "Business fibre 1 Gbps", "179.95", "monthly", "internet", 1000, 1000),
            new Plan("VOIP-RES", "Ligne téléphonique résidentielle", "Residential phone line", "24.95", "monthly", "phone", null, null),
            new Plan("VOIP-BUS", "Ligne téléphonique d'affaires", "Business phone line", "39.95", "monthly", "phone", null, null),
            new Plan("VOIP-INTL", "Interurbain international illimité", "Unlimited international long distance", "9.95", "monthly", "phone", null, null),
            new Plan("TV-BASE", "Télé de base", "Basic TV", "29.95", "monthly", "tv", null, null),
            new Plan("TV-PLUS", "Télé Plus", "TV Plus", "49.95", "monthly", "tv", null, null),
            new Plan("RTR-RENT", "Location routeur Wi-Fi 6", "Wi-Fi 6 router rental", "5.00", "monthly", "equipment", null, null),
            new Plan("MESH-RENT", "Location point d'accès maillé", "Mesh access point rental", "4.00", "monthly", "equipment", null, null),
            new Plan("IP-FIXE", "Adresse IP fixe", "Static IP address", "10.00", "monthly", "internet", null, null),
            new Plan("DOM-ANN", "Nom de domaine (annuel)", "Domain name (annual)", "25.00", "annual", "hosting", null, null),
            new Plan("MAIL-ANN", "Hébergement courriel (annuel)", "E-mail hosting (annual)", "60.00", "annual", "hosting", null, null),
            new Plan("AV-ANN", "Antivirus (annuel)", "Antivirus (annual)", "49.99", "annual", "security", null, null),
            new Plan("INST-FIB", "Installation fibre", "Fibre installation", "99.00", "one-time", "service", null, null),
            new Plan("INST-TEL", "Activation ligne téléphonique", "Phone line activation", "25.00", "one-time", "service", null, null),
            new Plan("ATA-HT502", "Adaptateur téléphonique HT502", "HT502 phone adapter", "79.00", "one-time", "equipment", null, null),
            new Plan("RTR-SALE", "Routeur Wi-Fi 6 (vente)", "Wi-Fi 6 router (sale)", "149.00", "one-time", "equipment", null, null),
            new Plan("TECH-HR", "Main-d'œuvre technicien (heure)", "Technician labour (hour)", "95.00", "one-time", "service", null, null),
            new Plan("DEPL", "Frais de déplacement", "Travel fee", "45.00", "one-time", "service", null, null),
            new Plan("RECON", "Frais de rebranchement", "Reconnection fee", "35.00", "one-time", "service", null, null));

    static final List<String> ADD_ONS = List.of("TV-BASE", "TV-PLUS", "RTR-RENT", "MESH-RENT", "IP-FIXE", "VOIP-INTL",
            "DOM-ANN", "MAIL-ANN", "AV-ANN");

    private PlanCatalog() {
    }
}
