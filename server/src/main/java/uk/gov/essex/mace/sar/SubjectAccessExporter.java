package uk.gov.essex.mace.sar;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.alerts.MaceHistory;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseDisclosure;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.cases.CaseResponse;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.intel.IntelDisclosure;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.risk.RiskRecords;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Produces a subject access export: authorise ({@link Action#SUBJECT_ACCESS_EXPORT}), project the
 * case and every intelligence revision for the exporter with source-protecting labels withheld too,
 * strip third-party identities, tally what was withheld, audit the export (fail closed: no entry, no
 * export), return it.
 */
@Service
class SubjectAccessExporter {

    static final List<String> NOTES = List.of(
            "The 'withheld' list and these notes are for the controller preparing the response, not for release.",
            "Content under labels that withhold even its existence from the exporting role is neither included nor "
                    + "counted here; the owning agency (for police intelligence, its disclosure unit) answers for it.",
            "Persons of interest and staff names are withheld as third-party data; free text may still name third "
                    + "parties and needs review before release, as does any exemption (e.g. DPA 2018 Sch 2 para 2).",
            "Risk records are given as levels, dates and counts; their free text, and MACE meeting minutes, are not in "
                    + "this export: ask the recording agency and the MACE coordinator.");

    private final CaseLookup cases;
    private final CaseDisclosure caseDisclosure;
    private final IntelDisclosure intel;
    private final RiskRecords risk;
    private final MaceHistory mace;
    private final Labels labels;
    private final Partnership partnership;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    SubjectAccessExporter(CaseLookup cases, CaseDisclosure caseDisclosure, IntelDisclosure intel, RiskRecords risk,
            MaceHistory mace, Labels labels, Partnership partnership, PolicyDecisionPoint policy, AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.caseDisclosure = caseDisclosure;
        this.intel = intel;
        this.risk = risk;
        this.mace = mace;
        this.labels = labels;
        this.partnership = partnership;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    SubjectAccessExport export(HubPrincipal who, String caseId) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, "case.sar.export", AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, Action.SUBJECT_ACCESS_EXPORT, facts);
        CaseResponse c = caseDisclosure.disclose(who, caseId).orElseThrow(() -> new NotFoundProblem("The case"));

        Set<String> sourceProtecting = labels.all().stream()
                .filter(l -> l.withheld() == HandlingLabel.Withheld.NOTHING).map(HandlingLabel::id)
                .collect(Collectors.toUnmodifiableSet());
        Predicate<String> protecting = sourceProtecting::contains;
        WithheldTally withheld = new WithheldTally();
        List<SubjectAccessExport.ExportedIntel> records = IntelRelease.release(
                intel.disclose(who, facts, sourceProtecting), protecting, withheld);
        if (c.openedBy() != null) {
            withheld.add("staff-name", null, null, WithheldTally.THIRD_PARTY, null, "case#openedBy");
        }

        String exportId = UUID.randomUUID().toString();
        SubjectAccessExport export = new SubjectAccessExport(exportId, caseId, clock.instant(), who.agencyId(),
                who.hasRole(Role.MACE_CHAIR) ? Role.MACE_CHAIR.name() : Role.PRACTITIONER.name(),
                new SubjectAccessExport.ExportedSubject(c.childName(), c.dateOfBirth(), c.district(), c.quadrant(),
                        c.exploitationType(), c.status(), c.openedAt(), agencyName(c.openedByAgency()), c.closedAt(),
                        c.closureReason(), mace.wentToMace(caseId)),
                c.members().stream().map(m -> new SubjectAccessExport.ExportedAgency(m.agencyId(), m.name(), m.type(),
                        m.agreement(), m.lawfulBasis())).toList(),
                risk.snapshot(caseId).map(s -> new SubjectAccessExport.ExportedRisk(s.currentLevel(), s.knownToBeExploited(),
                        s.missingEpisodeStarts().stream().sorted().toList(), s.indicators().size())).orElse(null),
                records, withheld.entries(), NOTES);

        AuditEvent event = AuditEvent.of(who, "case.sar.export", AuditEvent.Outcome.SUCCESS, caseId, exportId)
                .with("intelRecords", Integer.toString(records.size()));
        for (SubjectAccessExport.WithheldEntry w : export.withheld()) {
            event = event.with("withheld:" + w.record() + ":" + (w.label() == null ? w.reason() : w.label()),
                    Integer.toString(w.count()));
        }
        audit.append(event);
        return export;
    }

    private String agencyName(String agencyId) {
        return partnership.agency(agencyId).map(a -> a.name()).orElse(agencyId);
    }
}
