package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.provisioning.NewServiceOrder;
import ca.gigafibre.automation.provisioning.ServiceOrderService;
import ca.gigafibre.automation.voip.NewVoipLine;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_OrderService}: the quote's internet plan ordered at its location with the assigned ONT, and one phone line
 * per number given (911 address = the service address) — what {@code provisioning}, called next, brings to life.
 */
@Component("orderQuoteService")
public class OrderQuoteService implements JavaDelegate {

    private final JdbcClient jdbc;
    private final ServiceOrderService orders;

    public OrderQuoteService(JdbcClient jdbc, ServiceOrderService orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoteNo = execution.getProcessBusinessKey();
        String sku = jdbc.sql("""
                SELECT l.sku FROM automation.quote_line l JOIN automation.quote q ON q.id = l.quote_id JOIN automation.plan p ON p.sku = l.sku
                WHERE q.quote_no = :no AND p.download_mbps IS NOT NULL ORDER BY coalesce(l.line_no, 0), l.id LIMIT 1
                """).param("no", quoteNo).query(String.class).single();
        String[] customer = jdbc.sql("""
                SELECT upper(left(coalesce(c.company_name, c.last_name), 15)), c.language, q.quote_type FROM automation.quote q
                JOIN automation.customer c ON c.id = q.customer_id WHERE q.quote_no = :no
                """).param("no", quoteNo).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        String numbers = (String) execution.getVariable("phoneNumbers");
        List<NewVoipLine> lines = numbers == null || numbers.isBlank() ? List.of() : Arrays.stream(numbers.split(",\\s*"))
                .map(did -> new NewVoipLine(did, null, customer[0].strip(), customer[1], null, true, null, null,
                        "commercial".equals(customer[2]) ? "BUS" : "RES", null, null))
                .toList();
        ServiceOrderService.Placed placed = orders.place((String) execution.getVariable("locationId"),
                new NewServiceOrder(sku, (String) execution.getVariable("ontSerial"), null, null, null, lines));
        execution.setVariables(placed.variables());
    }
}
