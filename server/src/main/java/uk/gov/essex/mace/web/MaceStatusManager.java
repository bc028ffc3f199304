package uk.gov.essex.mace.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.alerts.MaceStanding;
import uk.gov.essex.mace.alerts.MaceStandings;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * The MACE standing of the cases a person asks about, for those the policy decision point lets
 * them read (the others are left out, as if unknown). Reasons and dates only: no content.
 */
@Service
class MaceStatusManager {

    static final int MAX_CASES = 100;

    private final MaceStandings standings;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    MaceStatusManager(MaceStandings standings, CaseLookup cases, PolicyDecisionPoint policy, AuditTrail audit,
            Clock clock) {
        this.standings = standings;
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    List<MaceStatusResponse> status(HubPrincipal who, List<String> caseIds) {
        List<String> distinct = caseIds.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > MAX_CASES) {
            throw new InvalidRequestProblem("invalid-cases", "Ask about 1 to " + MAX_CASES + " cases.");
        }
        List<String> readable = distinct.stream()
                .filter(id -> cases.facts(id).map(f -> policy.permits(who, Action.CASE_READ, f)).orElse(false))
                .toList();
        Map<String, MaceStanding> inCriteria = standings.standings(clock.instant()).stream()
                .filter(MaceStanding::inCriteria)
                .collect(Collectors.toMap(MaceStanding::caseId, Function.identity(), (a, b) -> a));
        List<MaceStatusResponse> answer = new ArrayList<>();
        for (String caseId : readable) {
            MaceStanding s = inCriteria.get(caseId);
            answer.add(s == null ? new MaceStatusResponse(caseId, false, Set.of(), null)
                    : new MaceStatusResponse(caseId, true, s.reasons(), s.enteredAt()));
        }
        audit.append(new AuditEvent(who, "mace.status.read", readable, AuditEvent.Outcome.SUCCESS,
                Map.of("cases", Integer.toString(readable.size()),
                        "refused", Integer.toString(distinct.size() - readable.size()))));
        return List.copyOf(answer);
    }
}
