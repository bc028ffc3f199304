package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import uk.gov.essex.mace.risk.AssessmentResponse;
import uk.gov.essex.mace.risk.IndicatorResponse;
import uk.gov.essex.mace.risk.MissingEpisodeHistoryResponse;
import uk.gov.essex.mace.risk.MissingEpisodeResponse;
import uk.gov.essex.mace.risk.RiskDisclosure;

/**
 * Turns the exporter's view of a case's risk records into what is released: assessments and missing
 * episodes with the recording agency but not the assessor or recorder (staff names), indicators as
 * intelligence items are (whole indicators and note segments the exporter saw only as placeholders
 * are listed, not released).
 */
final class RiskRelease {

    private RiskRelease() {}

    static SubjectAccessExport.ExportedRisk release(RiskDisclosure.Disclosed risk, WithheldList withheld,
            UnaryOperator<String> agencyName) {
        List<SubjectAccessExport.ExportedAssessment> assessments = new ArrayList<>();
        for (AssessmentResponse a : risk.assessments()) {
            withheld.staffName("assessment/" + a.id() + "/assessor", a.assessor());
            assessments.add(new SubjectAccessExport.ExportedAssessment(a.id(), a.level(), a.exploitationType(),
                    a.knownToBeExploited(), a.assessedOn(), a.nextReviewOn(), agencyName.apply(a.assessorAgency()),
                    a.recordedAt(), a.current()));
        }
        List<SubjectAccessExport.ExportedMissingEpisode> episodes = new ArrayList<>();
        for (MissingEpisodeHistoryResponse e : risk.episodes()) {
            List<SubjectAccessExport.ExportedEpisodeVersion> versions = new ArrayList<>();
            for (MissingEpisodeResponse v : e.versions()) {
                withheld.staffName("missing-episode/" + v.id() + "/v" + v.version() + "/recorded-by", v.recordedBy());
                versions.add(new SubjectAccessExport.ExportedEpisodeVersion(v.version(), v.change(), v.startedAt(),
                        v.returnedAt(), v.whereFound(), v.returnHomeInterview(), v.deleted(), v.lateReport(), v.reason(),
                        agencyName.apply(v.recordedByAgency()), v.recordedAt()));
            }
            episodes.add(new SubjectAccessExport.ExportedMissingEpisode(e.current().id(), versions));
        }
        List<SubjectAccessExport.ExportedIndicator> indicators = new ArrayList<>();
        for (IndicatorResponse i : risk.indicators()) {
            String id = "indicator/" + i.id();
            if (i.withheld() != null) {
                withheld.labelled("indicator", id, i.withheld());
                continue;
            }
            withheld.staffName(id + "/recorded-by", i.recordedBy());
            indicators.add(new SubjectAccessExport.ExportedIndicator(i.id(), i.indicator(), i.observedOn(), i.label(),
                    i.recordedByAgencyName(), i.recordedAt(), withheld.release(i.sourceNoteParts(), id)));
        }
        AssessmentResponse current = risk.assessments().stream().filter(AssessmentResponse::current).findFirst()
                .orElse(null);
        return new SubjectAccessExport.ExportedRisk(current == null ? null : current.level(),
                current != null && current.knownToBeExploited(), assessments, episodes, indicators);
    }
}
