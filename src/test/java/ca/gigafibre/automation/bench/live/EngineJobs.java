package ca.gigafibre.automation.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The engine's jobs seen through {@code /engine-rest} as admin: waiting until none is executable (quiescence), and
 * making a process's waiting timers due at once with Cockpit's own operations — the timer's job definition suspended,
 * each job's due date set to now, the job definition activated — so a storm starts at one instant, without faking time.
 */
final class EngineJobs {

    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final EngineHttp http;

    EngineJobs(EngineHttp http) {
        this.http = http;
    }

    long executable() {
        return http.count("admin", "/engine-rest/job/count?executable=true&active=true");
    }

    long incidents() {
        return http.count("admin", "/engine-rest/incident/count");
    }

    /** Waits until no active job is executable; jobs that retry later (failed with retries left) or held (suspended) are not waited for. */
    void awaitQuiet() {
        Awaitility.await("no executable job left").atMost(Duration.ofHours(2)).pollDelay(Duration.ZERO)
                .pollInterval(250, TimeUnit.MILLISECONDS).until(() -> executable() == 0);
    }

    /** The job definitions of one timer activity (one per deployed version). */
    List<String> jobDefinitions(String processKey, String activityId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode definition : http.get("admin", "/engine-rest/job-definition?processDefinitionKey=" + processKey + "&activityIdIn=" + activityId
                + "&firstResult=0&maxResults=100")) {   // the engine refuses unbounded lists (queryMaxResultsLimit)
            ids.add(definition.path("id").asText());
        }
        return ids;
    }

    long executableJobs(List<String> jobDefinitions) {
        long jobs = 0;
        for (String definition : jobDefinitions) {
            jobs += http.count("admin", "/engine-rest/job/count?executable=true&active=true&jobDefinitionId=" + definition);
        }
        return jobs;
    }

    long jobs(List<String> jobDefinitions) {
        long jobs = 0;
        for (String definition : jobDefinitions) {
            jobs += http.count("admin", "/engine-rest/job/count?jobDefinitionId=" + definition);
        }
        return jobs;
    }

    /** Suspends the timers and sets each one not yet due to now; returns how many it moved. They fire once {@link #activate} is called. */
    long holdAndMakeDue(List<String> jobDefinitions) {
        suspend(jobDefinitions, true);
        String now = OffsetDateTime.now().format(CAMUNDA_DATE);
        long made = 0;
        for (String definition : jobDefinitions) {
            while (true) {
                JsonNode notDue = http.get("admin", "/engine-rest/job?jobDefinitionId=" + definition + "&dueDates=gt_" + encode(now)
                        + "&firstResult=0&maxResults=500");
                if (!notDue.elements().hasNext()) {
                    break;
                }
                for (JsonNode job : notDue) {
                    http.put("admin", "/engine-rest/job/" + job.path("id").asText() + "/duedate", Map.of("duedate", now));
                    made++;
                }
            }
        }
        return made;
    }

    void hold(List<String> jobDefinitions) {
        suspend(jobDefinitions, true);
    }

    void activate(List<String> jobDefinitions) {
        suspend(jobDefinitions, false);
    }

    private void suspend(List<String> jobDefinitions, boolean suspended) {
        for (String definition : jobDefinitions) {
            http.put("admin", "/engine-rest/job-definition/" + definition + "/suspended", Map.of("suspended", suspended, "includeJobs", true));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
