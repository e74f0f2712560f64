package ca.gigafibre.automation.voip.orphan;

import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops remove orphan 911 registrations from the orphan report: one DID at once, or many after a preview of exactly what
 * will be removed. Each removal is in the audit log (who, when, what the provider held).
 */
@RestController
@RequestMapping(value = "/api/reports/e911-orphans", produces = "application/json")
public class OrphanDeregistrationController {

    private static final Pattern DID = Pattern.compile("^\\d{10}$");
    private static final int MAX_DIDS = 1000;

    private final OrphanRegistrations orphans;
    private final DeregistrationPreviews previews;

    public OrphanDeregistrationController(OrphanRegistrations orphans, DeregistrationPreviews previews) {
        this.orphans = orphans;
        this.previews = previews;
    }

    @PostMapping("/{did}/deregistration")
    @Operation(summary = "Remove one orphan 911 registration at the provider (409 if a line in service has the DID)")
    public OrphanRegistration deregister(@PathVariable String did) {
        checkDid("did", did);
        return orphans.deregister(did, AuditLog.currentActor(), "api");
    }

    @PostMapping("/deregistrations")
    @Operation(summary = "Remove many orphan 911 registrations: preview first ({dids, confirm: false} → previewToken), "
            + "then {confirm: true, previewToken}")
    public Object deregisterMany(@RequestBody BulkDeregistrationRequest request) {
        return Boolean.TRUE.equals(request.confirm()) ? confirm(request) : preview(request);
    }

    private DeregistrationPreview preview(BulkDeregistrationRequest request) {
        List<String> dids = checkedDids(request.dids());
        List<OrphanRegistration> found = new ArrayList<>();
        List<String> live = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String did : dids) {
            try {
                found.add(orphans.require(did));
            } catch (NotAnOrphan e) {
                live.add(did);
            } catch (NotFoundException e) {
                unknown.add(did);
            }
        }
        if (!live.isEmpty()) {
            throw new NotAnOrphan(live);
        }
        if (!unknown.isEmpty()) {
            throw new NotFoundException("911 registration of DID", String.join(", ", unknown), "dids");
        }
        DeregistrationPreviews.Created preview = previews.create(AuditLog.currentActor(), dids);
        return new DeregistrationPreview(false, preview.token(), preview.validUntil(), found);
    }

    private DeregistrationOutcome confirm(BulkDeregistrationRequest request) {
        if (request.previewToken() == null) {
            throw new InvalidRequestException("previewToken", "is required to confirm: preview first with \"confirm\": false");
        }
        List<String> asked = request.dids() == null ? null : checkedDids(request.dids());
        String user = AuditLog.currentActor();
        List<String> previewed = previews.claim(request.previewToken(), user).orElseThrow(() -> new InvalidRequestException(
                "previewToken", "unknown, already used, older than " + DeregistrationPreviews.VALID_FOR.toMinutes()
                + " minutes or another user's: preview again"));
        if (asked != null && !new HashSet<>(asked).equals(new HashSet<>(previewed))) {
            throw new InvalidRequestException("dids", "differ from the DIDs the preview listed");
        }
        List<OrphanRegistration> done = new ArrayList<>();
        List<DeregistrationOutcome.NotDone> refused = new ArrayList<>();
        List<DeregistrationOutcome.NotDone> failed = new ArrayList<>();
        for (String did : previewed) {
            try {
                done.add(orphans.deregister(did, user, "api-bulk"));
            } catch (NotAnOrphan | NotFoundException e) {
                refused.add(new DeregistrationOutcome.NotDone(did, e.getMessage()));
            } catch (ExternalSystemUnavailable | ExternalRequestRejected e) {
                failed.add(new DeregistrationOutcome.NotDone(did, e.getMessage()));
            }
        }
        return new DeregistrationOutcome(true, done, refused, failed);
    }

    private static List<String> checkedDids(List<String> dids) {
        if (dids == null || dids.isEmpty()) {
            throw new MalformedRequestException("dids", "at least one DID is required");
        }
        if (dids.size() > MAX_DIDS) {
            throw new MalformedRequestException("dids", "at most " + MAX_DIDS + " DIDs at once");
        }
        for (int i = 0; i < dids.size(); i++) {
            checkDid("dids[" + i + "]", dids.get(i));
        }
        return dids.stream().distinct().toList();
    }

    private static void checkDid(String field, String did) {
        if (did == null || !DID.matcher(did).matches()) {
            throw new MalformedRequestException(field, "a DID is 10 digits");
        }
    }

    @ExceptionHandler(NotAnOrphan.class)
    ResponseEntity<ProblemDetail> onNotAnOrphan(NotAnOrphan ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Not an orphan registration");
        problem.setProperty("dids", ex.dids());
        problem.setProperty("errors", ex.dids().stream().map(did -> new FieldProblem("did", did + " has a line in service")).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The provider is down or refused: nothing of ours changed; the caller tries again once it is back. */
    @ExceptionHandler({ExternalSystemUnavailable.class, ExternalRequestRejected.class})
    ResponseEntity<ProblemDetail> onProvider(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The 911 provider did not deregister: " + ex.getMessage() + ". Our record of it is unchanged; try again later.");
        problem.setTitle("911 provider unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
