package ca.gigafibre.automation.support.dispatch;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.support.TechnicianRanking;
import ca.gigafibre.automation.support.Technicians;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Books a technician's visit at a customer's location ({@code POST /api/dispatch-jobs}; the assistant's {@code dispatch}
 * calls {@link #book} too): on a business day, in a window, with the technician named, or else the best one that
 * {@code rules/technician-ranking.drl} suggests among those free in that window. The job counts as a visit of the
 * location ({@code GET /api/locations/{id}/visits}); why that technician goes to the account's decision log.
 */
@Service
@Validated
public class DispatchJobService {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Technicians technicians;
    private final TechnicianRanking ranking;
    private final TechnicianBookings bookings;
    private final DecisionLog decisions;
    private final AuditLog audit;

    public DispatchJobService(JdbcClient jdbc, BusinessCalendar calendar, Technicians technicians, TechnicianRanking ranking,
                              TechnicianBookings bookings, DecisionLog decisions, AuditLog audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.technicians = technicians;
        this.ranking = ranking;
        this.bookings = bookings;
        this.decisions = decisions;
        this.audit = audit;
    }

    /**
     * @throws InvalidRequestException (422) naming each field at fault: unknown customer, a location not theirs, a past
     *         day or one that is not a business day, a window already begun, an unknown technician or one without the skill
     * @throws ConflictException (409) when the named technician, or every suggested one, is already booked in that window
     */
    @Transactional
    public DispatchJobView book(@Valid DispatchJobRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Long> customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", request.customerId().strip().toUpperCase()).query(Long.class).optional();
        if (customerId.isEmpty()) {
            problems.add(new FieldProblem("customerId", "no customer has id " + request.customerId()));
        }
        Optional<Long> locationId = customerId.flatMap(c -> jdbc.sql(
                        "SELECT id FROM automation.service_location WHERE location_no = :no AND customer_id = :c")
                .param("no", request.locationId()).param("c", c).query(Long.class).optional());
        if (customerId.isPresent() && locationId.isEmpty()) {
            problems.add(new FieldProblem("locationId", "no service location " + request.locationId() + " belongs to customer "
                    + request.customerId()));
        }
        DispatchWindow window = DispatchWindow.of(request.window());
        LocalDate day = request.date();
        if (day.isBefore(BusinessTime.today())) {
            problems.add(new FieldProblem("date", "must not be in the past"));
        } else if (!calendar.isBusinessDay(day)) {
            problems.add(new FieldProblem("date", day + " is not a business day (weekend or Quebec holiday)"));
        } else if (!window.start(day).isAfter(BusinessTime.now())) {
            problems.add(new FieldProblem("window", "the " + window.english() + " of " + day + " has already begun"));
        }
        Optional<Technicians.Technician> named = Optional.ofNullable(request.technicianId()).flatMap(technicians::activeByNo);
        if (request.technicianId() != null && named.isEmpty()) {
            problems.add(new FieldProblem("technicianId", "must be an active technician such as TECH-001"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }

        List<TechnicianRanking.Suggestion> ranked = ranking.rank(request.skill(), locationId.get(), day);
        List<DispatchDecisionRecord.Ranked> seen = new ArrayList<>();
        String bookedBy = AuditLog.currentActor();
        TechnicianBookings.NewVisit visit = bookings.insert(customerId.get(), locationId.get(), request.skill(), day, window, bookedBy);
        TechnicianRanking.Suggestion chosen = named.isPresent()
                ? bookNamed(visit, named.get(), ranked, seen, day, window)
                : bookBestFree(visit, ranked, seen, day, window, request.skill());
        decisions.record(DispatchDecisionRecord.entry(customerId.get(), visit.jobNo(), request, window, seen, chosen, named.isPresent(), bookedBy));
        audit.record("dispatch-job.booked", "dispatch-job", visit.jobNo(), null, Map.of("customer", request.customerId(), "location",
                request.locationId(), "technician", chosen.technicianId(), "date", day.toString(), "window", window.code(),
                "chosenBy", named.isPresent() ? "named" : "ranked"));
        return get(visit.jobNo());
    }

    public DispatchJobView get(String jobNo) {
        return bookings.view(jobNo).orElseThrow(() -> new NotFoundException("Dispatch job", jobNo, "id"));
    }

    private TechnicianRanking.Suggestion bookNamed(TechnicianBookings.NewVisit visit, Technicians.Technician technician,
                                                   List<TechnicianRanking.Suggestion> ranked, List<DispatchDecisionRecord.Ranked> seen,
                                                   LocalDate day, DispatchWindow window) {
        TechnicianRanking.Suggestion suggestion = ranked.stream().filter(s -> s.technicianId().equals(technician.technicianNo())).findFirst()
                .orElseThrow();
        if (!suggestion.suggested()) {
            // the rules say why (no level in the skill): the person is told instead of booking a visit nobody can do
            throw new InvalidRequestException("technicianId", suggestion.whyEn() + " / " + suggestion.whyFr());
        }
        if (!(bookings.isFree(technician.id(), day, window) && bookings.claim(visit, technician.id(), technician.name(), day, window))) {
            throw new ConflictException("technicianId: " + technician.technicianNo() + " is already booked on " + day + ", " + window.english()
                    + " / " + technician.technicianNo() + " est déjà réservé le " + day + ", " + window.french());
        }
        for (TechnicianRanking.Suggestion s : ranked) {
            seen.add(new DispatchDecisionRecord.Ranked(s, s == suggestion || isFree(s, day, window)));
        }
        return suggestion;
    }

    /** The best ranked technician with the skill whose window is free and still free when claimed (another booking may win). */
    private TechnicianRanking.Suggestion bookBestFree(TechnicianBookings.NewVisit visit, List<TechnicianRanking.Suggestion> ranked,
                                                      List<DispatchDecisionRecord.Ranked> seen, LocalDate day, DispatchWindow window,
                                                      String skill) {
        TechnicianRanking.Suggestion chosen = null;
        for (TechnicianRanking.Suggestion suggestion : ranked) {
            if (chosen == null && suggestion.suggested()) {
                Technicians.Technician technician = technicians.activeByNo(suggestion.technicianId()).orElseThrow();
                if (bookings.isFree(technician.id(), day, window) && bookings.claim(visit, technician.id(), technician.name(), day, window)) {
                    chosen = suggestion;
                    seen.add(new DispatchDecisionRecord.Ranked(suggestion, true));
                    continue;
                }
            }
            seen.add(new DispatchDecisionRecord.Ranked(suggestion, isFree(suggestion, day, window)));
        }
        if (chosen == null) {
            throw new ConflictException("window: no technician with the skill " + skill + " is free on " + day + ", " + window.english()
                    + " / aucun technicien ayant la compétence " + skill + " n'est libre le " + day + ", " + window.french());
        }
        return chosen;
    }

    private boolean isFree(TechnicianRanking.Suggestion suggestion, LocalDate day, DispatchWindow window) {
        return technicians.activeByNo(suggestion.technicianId()).map(t -> bookings.isFree(t.id(), day, window)).orElse(false);
    }
}
