package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.workflow.AnalystResource;
import ca.gigafibre.automation.workflow.InvalidResourcesException;
import ca.gigafibre.automation.workflow.ResourceProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.springframework.stereotype.Component;

/** Compiles DRL files into one KieBase, or reports each error with its file and line; {@link DrlGuard} checks them first. */
@Component
public class RuleSetCompiler {

    private static final String KIE_PREFIX = "src/main/resources/";

    public RuleSet compile(List<AnalystResource> sources) {
        // by name: the same files give the same version wherever they come from (folder, jar, database)
        List<AnalystResource> drlFiles = sources.stream().sorted(java.util.Comparator.comparing(AnalystResource::name)).toList();
        // DRL is code: nothing is compiled (nor its static parts run) before every file passes the guard
        List<ResourceProblem> refused = drlFiles.stream().flatMap(drl -> DrlGuard.check(drl).stream()).toList();
        if (!refused.isEmpty()) {
            throw new RefusedRulesException(refused);
        }
        KieServices kie = KieServices.Factory.get();
        String version = versionOf(drlFiles);
        ReleaseId releaseId = kie.newReleaseId("ca.gigafibre", "automation-rules", version);
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        drlFiles.forEach(drl -> files.write(KIE_PREFIX + drl.name(), drl.content()));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<ResourceProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new ResourceProblem(m.getPath() == null ? "rules/" : m.getPath().replace(KIE_PREFIX, ""),
                        m.getLine(), m.getText().strip()))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidResourcesException("Rules in rules/ do not compile", errors);
        }
        return new RuleSet(kie.newKieContainer(releaseId).getKieBase(), version,
                drlFiles.stream().map(AnalystResource::name).toList(), List.copyOf(drlFiles));
    }

    private static String versionOf(List<AnalystResource> drlFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (AnalystResource drl : drlFiles) {
                digest.update(drl.name().getBytes(StandardCharsets.UTF_8));
                digest.update(drl.content());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
