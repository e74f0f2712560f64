package ca.gigafibre.automation.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys everything in {@code processes/} (BPMN, DMN) and {@code forms/} as one deployment at start-up, with
 * stable relative resource names and duplicate filtering: an unchanged file makes no new version. A broken
 * file stops start-up with its name, line and problem.
 */
@Component
public class ResourceDeployer implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "gigafibre-automation";
    private static final Logger log = LoggerFactory.getLogger(ResourceDeployer.class);

    private final RepositoryService repositoryService;
    private final AnalystResources resources;
    private final ResourceChecker checker;

    public ResourceDeployer(RepositoryService repositoryService, AnalystResources resources, ResourceChecker checker) {
        this.repositoryService = repositoryService;
        this.resources = resources;
        this.checker = checker;
    }

    @Override
    public void afterPropertiesSet() {
        deploy();
    }

    /** @return the process definitions this call deployed (empty when nothing changed) */
    public List<ProcessDefinition> deploy() {
        List<AnalystResource> models = resources.list("processes", ".bpmn", ".dmn");
        List<AnalystResource> forms = resources.list("forms", ".form");
        List<ResourceProblem> problems = checker.check(models, forms);
        if (!problems.isEmpty()) {
            throw new InvalidResourcesException("Cannot deploy processes/ and forms/", problems);
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("automation.resources-dir")
                .enableDuplicateFiltering(true);
        List<AnalystResource> all = new ArrayList<>(models);
        all.addAll(forms);
        all.forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
        DeploymentWithDefinitions deployment;
        try {
            deployment = builder.deployWithResult();
        } catch (ParseException e) {
            throw new InvalidResourcesException("Camunda rejected a model", parseProblems(e));
        } catch (ProcessEngineException e) {
            throw new InvalidResourcesException("Camunda rejected a model",
                    List.of(new ResourceProblem(resources.describeSource("processes"), 0, ResourceChecker.rootMessage(e))));
        }
        List<ProcessDefinition> deployed = deployment.getDeployedProcessDefinitions() == null
                ? List.of() : deployment.getDeployedProcessDefinitions();
        log.info("Deployed {} files from {} and {}: {} new process definition version(s) {}", all.size(),
                resources.describeSource("processes"), resources.describeSource("forms"), deployed.size(),
                deployed.stream().map(d -> d.getKey() + ":" + d.getVersion()).toList());
        return deployed;
    }

    private static List<ResourceProblem> parseProblems(ParseException e) {
        List<ResourceProblem> problems = new ArrayList<>();
        e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> problems.add(
                new ResourceProblem(report.getResourceName(), problem.getLine(),
                        problem.getMessage() + (problem.getMainElementId() == null ? "" : " (element " + problem.getMainElementId() + ")")))));
        if (problems.isEmpty()) {
            problems.add(new ResourceProblem("processes/", 0, e.getMessage()));
        }
        return problems;
    }
}
