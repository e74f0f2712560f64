package ca.gigafibre.automation.erpnext.sync;

import static ca.gigafibre.automation.erpnext.sync.ErpFields.flag;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.integer;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.required;
import static ca.gigafibre.automation.erpnext.sync.ErpFields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * ERPNext {@code Customer} → {@code customer} (business id = ERPNext's name, {@code C-…}). ERPNext owns whether an account
 * is disabled; the engine owns suspension and closing, so an enabled customer keeps the status the engine gave it.
 */
@Component
class CustomerSync implements DoctypeSync {

    /** The name the engine shows (its company's, else its person's) is the one ERPNext sent. */
    private static final String SAME_NAME = "btrim(coalesce(nullif(t.company_name, ''), t.first_name || ' ' || t.last_name)) "
            + "= btrim(coalesce(EXCLUDED.company_name, EXCLUDED.first_name || ' ' || EXCLUDED.last_name))";

    private final DocumentWriter writer;
    private final BusinessNumbers numbers;

    CustomerSync(DocumentWriter writer, BusinessNumbers numbers) {
        this.writer = writer;
        this.numbers = numbers;
    }

    @Override
    public String doctype() {
        return "Customer";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> fields() {
        return List.of("name", "modified", "custom_engine_id", "customer_name", "customer_type", "customer_group", "language", "disabled",
                "legacy_account_id", "legacy_customer_id", "email_id", "mobile_no", "default_price_list");
    }

    @Override
    public PageResult apply(List<ObjectNode> page) {
        PageResult result = writer.write(doctype(), page, this::upsert);
        numbers.customers();
        return result;
    }

    private RowUpsert.Outcome upsert(ObjectNode doc) {
        String fullName = required(doc, "customer_name");
        boolean company = "Company".equalsIgnoreCase(text(doc, "customer_type"));
        String group = text(doc, "customer_group");
        boolean commercial = company || (group != null && group.toLowerCase(Locale.ROOT).startsWith("commerc"));
        String first = "";
        String last = fullName;
        if (!company) {
            int space = fullName.indexOf(' ');
            if (space > 0) {
                first = fullName.substring(0, space);
                last = fullName.substring(space + 1).strip();
            }
        }
        String key = ErpFields.engineKey(doc);
        Integer legacyAccount = integer(doc, "legacy_account_id");
        if (legacyAccount != null) {
            // a legacy account imported earlier under the engine's own id: kept as it is, never merged by guess
            writer.jdbc().sql("SELECT customer_no FROM automation.customer WHERE legacy_account_id = ? AND customer_no <> ?")
                    .params(legacyAccount, key).query(String.class).optional().ifPresent(other -> {
                        throw new Unmappable("legacy_account_id", "legacy account " + legacyAccount + " is already customer " + other);
                    });
        }
        return RowUpsert.into("customer", "customer_no", key)
                .set("first_name", first)
                .set("last_name", last)
                .set("company_name", company ? fullName : null)
                // ERPNext has one name: while it is the name the engine shows, the engine's person and company names stay
                .onUpdate("first_name", "CASE WHEN " + SAME_NAME + " THEN t.first_name ELSE EXCLUDED.first_name END")
                .onUpdate("last_name", "CASE WHEN " + SAME_NAME + " THEN t.last_name ELSE EXCLUDED.last_name END")
                .onUpdate("company_name", "CASE WHEN " + SAME_NAME + " THEN t.company_name ELSE EXCLUDED.company_name END")
                .set("is_commercial", commercial)
                .set("language", language(doc))
                .set("email", text(doc, "email_id"))
                .set("cell_phone", text(doc, "mobile_no"))
                // the engine's landline posted as ERPNext's only number is not a mobile to text
                .onUpdate("cell_phone", "CASE WHEN EXCLUDED.cell_phone IS NOT DISTINCT FROM coalesce(t.cell_phone, t.phone) THEN t.cell_phone "
                        + "ELSE EXCLUDED.cell_phone END")
                .set("legacy_account_id", legacyAccount)
                .set("legacy_customer_id", text(doc, "legacy_customer_id"))
                .set("default_price_list", text(doc, "default_price_list"))
                .set("status", flag(doc, "disabled") ? "disabled" : "active")
                // disabled in ERPNext → disabled (a closed account stays closed); enabled again → active; otherwise the engine's status stays
                .onUpdate("status", "CASE WHEN EXCLUDED.status = 'disabled' THEN (CASE WHEN t.status = 'closed' THEN 'closed' ELSE 'disabled' END) "
                        + "WHEN t.status = 'disabled' THEN 'active' ELSE t.status END")
                .run(writer.jdbc());
    }

    private static String language(ObjectNode doc) {
        String language = text(doc, "language");
        if (language == null) {
            return "fr";
        }
        String code = language.toLowerCase(Locale.ROOT);
        if (code.startsWith("fr")) {
            return "fr";
        }
        if (code.startsWith("en")) {
            return "en";
        }
        throw new Unmappable("language", "unknown language: " + language);
    }
}
