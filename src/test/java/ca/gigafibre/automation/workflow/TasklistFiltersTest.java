package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.security.Groups;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.workflow.TasklistFilters.TeamFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 21: one Tasklist filter per team, made at start-up, once, whatever the restarts and nodes. */
class TasklistFiltersTest extends IntegrationTest {

    @Autowired
    TasklistFilters creator;

    @Autowired
    FilterService filters;

    @Autowired
    AuthorizationService authorizations;

    @Test
    void startUpMadeOneFilterPerTeamAndASecondPassMakesNone() {
        assertThat(creator.createMissing()).isZero();

        for (TeamFilter team : TasklistFilters.TEAMS) {
            List<Filter> found = filters.createFilterQuery().filterName(team.name()).list();
            assertThat(found).as(team.name()).hasSize(1);
            Filter filter = found.get(0);
            assertThat(filter.getProperties().get("variables")).isEqualTo(List.of(
                    Map.of("name", "customerName", "label", "Client / Customer"),
                    Map.of("name", "amountText", "label", "Montant / Amount"),
                    Map.of("name", "dueDateText", "label", "Échéance / Due date")));
            assertThat(((TaskQueryImpl) filter.getQuery()).getProcessDefinitionKeys()).containsExactlyElementsOf(team.processKeys());
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.OPS).resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).hasPermission(Permissions.READ).count()).isEqualTo(1);
            assertThat(authorizations.isUserAuthorized("someone-of-ops", List.of(Groups.OPS), Permissions.READ, Resources.FILTER, filter.getId()))
                    .isTrue();
            assertThat(authorizations.isUserAuthorized("an-admin", List.of(Groups.ADMINS), Permissions.READ, Resources.FILTER, filter.getId()))
                    .isTrue();
        }
        assertThat(TasklistFilters.TEAMS).extracting(TeamFilter::name).containsExactly("Recouvrement / Collections",
                "Approvisionnement et 9-1-1 / Provisioning and 911", "Soutien / Support", "Ventes / Sales");
    }

    @Test
    void twoNodesStartingTogetherOnAFreshDatabaseMakeEachFilterOnce() {
        // as on a database that never had them: no claim, no filter
        for (TeamFilter team : TasklistFilters.TEAMS) {
            filters.createFilterQuery().filterName(team.name()).list().forEach(filter -> {
                authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId()).list()
                        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                filters.deleteFilter(filter.getId());
            });
        }
        jdbc.sql("DELETE FROM automation.tasklist_filter").update();

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(creator::createMissing);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(creator::createMissing);

        assertThat(one.join() + other.join()).isEqualTo(TasklistFilters.TEAMS.size());
        assertThat(creator.createMissing()).isZero();
        for (TeamFilter team : TasklistFilters.TEAMS) {
            assertThat(filters.createFilterQuery().filterName(team.name()).count()).as(team.name()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT filter_id FROM automation.tasklist_filter WHERE team = :team").param("team", team.team())
                    .query(String.class).single()).isEqualTo(filters.createFilterQuery().filterName(team.name()).singleResult().getId());
        }
    }
}
