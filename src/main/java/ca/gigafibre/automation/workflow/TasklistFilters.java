package ca.gigafibre.automation.workflow;

import ca.gigafibre.automation.platform.security.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Tasklist filter per team, created at start-up: its processes' open tasks, the list showing each task's customer,
 * amount and due date (the display variables every user task gets), readable by the team's group and by admins. A team's
 * filter is created once, whatever the number of restarts or nodes: the team's row in {@code automation.tasklist_filter}
 * is claimed in the same transaction as the filter.
 */
@Component
@DependsOn("groupAuthorizations")
public class TasklistFilters implements InitializingBean {

    /** A team's filter: names French first, the group that reads it, the processes whose tasks it lists. */
    public record TeamFilter(String team, String name, String description, String group, int priority, List<String> processKeys) {
    }

    public static final List<TeamFilter> TEAMS = List.of(
            new TeamFilter("collections", "Recouvrement / Collections",
                    "Ententes, appels avant coupure, suspensions, radiations et prélèvements à vérifier / Arrangements, calls before a cut, suspensions, write-offs and charges to review",
                    Groups.OPS, 10, List.of("account-collections", "account-collections-negotiation", "account-collections-suspension",
                            "suspension-notice", "suspension", "reactivation", "billing-collections", "ppa-charge")),
            new TeamFilter("provisioning", "Approvisionnement et 9-1-1 / Provisioning and 911",
                    "Données d'approvisionnement, équipement non détecté, adresses 9-1-1, retours d'équipement / Provisioning data, CPE not seen, 911 addresses, equipment returns",
                    Groups.OPS, 20, List.of("provisioning", "voip-line", "e911-address-change", "e911-audit-review", "deactivation")),
            new TeamFilter("support", "Soutien / Support",
                    "Billets, répartition des techniciens, bons de travail, ententes de service dépassées / Tickets, dispatch, work orders, SLAs passed",
                    Groups.OPS, 30, List.of("support-resolution", "support-work-order", "support-remote-fix")),
            new TeamFilter("sales", "Ventes / Sales",
                    "Soumissions, équipement, installations à planifier et confirmer / Quotes, equipment, installations to schedule and confirm",
                    Groups.OPS, 40, List.of("sales-activation", "sales-signature", "sales-installation")));

    /** The columns of the list: the display variables set as each user task starts. */
    public static final Map<String, String> COLUMNS = columns();

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, JdbcClient jdbc,
                           PlatformTransactionManager transactions) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        createMissing();
    }

    /** Creates the filter of every team that has none yet; @return how many this call created. */
    public int createMissing() {
        int created = 0;
        for (TeamFilter team : TEAMS) {
            Boolean made = transaction.execute(status -> create(team));
            created += Boolean.TRUE.equals(made) ? 1 : 0;
        }
        return created;
    }

    private boolean create(TeamFilter team) {
        // blocks on another node's uncommitted claim, then finds the row: only one node creates the filter
        int claimed = jdbc.sql("INSERT INTO automation.tasklist_filter (team) VALUES (:team) ON CONFLICT DO NOTHING")
                .param("team", team.team()).update();
        if (claimed == 0) {
            return false;
        }
        Filter filter = filters.newTaskFilter(team.name());
        filter.setQuery(tasks.createTaskQuery()
                .processDefinitionKeyIn(team.processKeys().toArray(String[]::new))
                .orderByTaskCreateTime().asc());
        filter.setProperties(properties(team));
        filters.saveFilter(filter);

        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(team.group());
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);

        jdbc.sql("UPDATE automation.tasklist_filter SET filter_id = :id WHERE team = :team")
                .param("id", filter.getId()).param("team", team.team()).update();
        return true;
    }

    private static Map<String, Object> properties(TeamFilter team) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", team.description());
        properties.put("priority", team.priority());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", COLUMNS.entrySet().stream()
                .map(column -> Map.of("name", column.getKey(), "label", column.getValue())).toList());
        return properties;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("customerName", "Client / Customer");
        columns.put("amountText", "Montant / Amount");
        columns.put("dueDateText", "Échéance / Due date");
        return java.util.Collections.unmodifiableMap(columns);
    }
}
