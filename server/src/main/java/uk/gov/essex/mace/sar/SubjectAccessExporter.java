package uk.gov.essex.mace.sar;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.alerts.AlertDisclosure;
import uk.gov.essex.mace.alerts.MaceHistory;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseDisclosure;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.cases.CaseResponse;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.intel.IntelDisclosure;
import uk.gov.essex.mace.meetings.MeetingDisclosure;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.risk.RiskDisclosure;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Produces a subject access export: authorise ({@link Action#SUBJECT_ACCESS_EXPORT}); read the case,
 * its risk records, intelligence, alerts and MACE meeting records through each feature's disclosure
 * interface (the projections every other channel uses, with source-protecting labels withheld too,
 * so nothing the exporter may not see is decrypted); strip third-party identities; list everything
 * withheld; audit the export with ids and counts (fail closed: no entry, no export); return it.
 */
@Service
class SubjectAccessExporter {

    static final List<String> NOTES = List.of(
            "The 'withheld' list and these notes are for the controller preparing the response, not for release.",
            "Content under labels that withhold even its existence from the exporting role is neither included nor "
                    + "listed here; the owning agency (for police intelligence, its disclosure unit) answers for it.",
            "Persons of interest and staff names are withheld as third-party data; agencies are named. Free text "
                    + "(intelligence, where found, reasons, source notes, minutes, actions) may still name third "
                    + "parties and needs review before release, as does any exemption (e.g. DPA 2018 Sch 2 para 2).",
            "Minutes are given in every revision the exporter may read; a meeting the exporter may not read is listed "
                    + "as withheld: ask the MACE coordinator of its quadrant.");

    private final CaseLookup cases;
    private final CaseDisclosure caseDisclosure;
    private final IntelDisclosure intel;
    private final RiskDisclosure risk;
    private final AlertDisclosure alerts;
    private final MeetingDisclosure meetings;
    private final MaceHistory mace;
    private final Labels labels;
    private final Partnership partnership;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    SubjectAccessExporter(CaseLookup cases, CaseDisclosure caseDisclosure, IntelDisclosure intel, RiskDisclosure risk,
            AlertDisclosure alerts, MeetingDisclosure meetings, MaceHistory mace, Labels labels, Partnership partnership,
            PolicyDecisionPoint policy, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.caseDisclosure = caseDisclosure;
        this.intel = intel;
        this.risk = risk;
        this.alerts = alerts;
        this.meetings = meetings;
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
        WithheldList withheld = new WithheldList(sourceProtecting::contains);
        withheld.staffName("case/" + caseId + "/opened-by", c.openedBy());
        SubjectAccessExport.ExportedRisk risks = RiskRelease.release(risk.disclose(who, facts, sourceProtecting), withheld,
                this::agencyName);
        List<SubjectAccessExport.ExportedIntel> items = IntelRelease.release(intel.disclose(who, facts, sourceProtecting),
                withheld);
        List<SubjectAccessExport.ExportedAlert> raised = AlertRelease.release(alerts.disclose(who, facts), withheld);
        List<SubjectAccessExport.ExportedMeeting> minuted = MeetingRelease.release(
                meetings.disclose(who, facts, sourceProtecting), withheld, this::agencyName);

        String exportId = UUID.randomUUID().toString();
        SubjectAccessExport export = new SubjectAccessExport(exportId, caseId, clock.instant(), who.agencyId(),
                who.hasRole(Role.MACE_CHAIR) ? Role.MACE_CHAIR.name() : Role.PRACTITIONER.name(),
                new SubjectAccessExport.ExportedSubject(c.childName(), c.dateOfBirth(), c.district(), c.quadrant(),
                        c.exploitationType(), c.status(), c.openedAt(), agencyName(c.openedByAgency()), c.closedAt(),
                        c.closureReason(), mace.wentToMace(caseId)),
                c.members().stream().map(m -> new SubjectAccessExport.ExportedAgency(m.agencyId(), m.name(), m.type(),
                        m.agreement(), m.lawfulBasis())).toList(),
                risks, items, raised, minuted, withheld.entries(), NOTES);
        audit.append(audited(who, export));
        return export;
    }

    /** The export's audit entry: its id, and how many records of each kind were released and withheld, never content. */
    private static AuditEvent audited(HubPrincipal who, SubjectAccessExport export) {
        AuditEvent event = AuditEvent.of(who, "case.sar.export", AuditEvent.Outcome.SUCCESS, export.caseId(),
                        export.exportId())
                .with("released:assessments", count(export.risk().assessments()))
                .with("released:missing-episodes", count(export.risk().missingEpisodes()))
                .with("released:indicators", count(export.risk().indicators()))
                .with("released:intel-revisions", count(export.intelligence()))
                .with("released:alerts", count(export.alerts()))
                .with("released:meetings", count(export.meetings()));
        Map<String, Long> withheld = new TreeMap<>(export.withheld().stream().collect(Collectors.groupingBy(
                w -> "withheld:" + w.kind() + ":" + w.reason() + (w.label() == null ? "" : ":" + w.label()),
                Collectors.counting())));
        for (Map.Entry<String, Long> w : withheld.entrySet()) {
            event = event.with(w.getKey(), Long.toString(w.getValue()));
        }
        return event;
    }

    private static String count(List<?> records) {
        return Integer.toString(records.size());
    }

    private String agencyName(String agencyId) {
        return agencyId == null ? null : partnership.agency(agencyId).map(a -> a.name()).orElse(agencyId);
    }
}
