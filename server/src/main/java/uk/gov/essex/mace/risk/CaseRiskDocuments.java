package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import uk.gov.essex.mace.cases.ExploitationType;

/**
 * The stored form of {@link CaseRiskRecord}, written by hand so that it is exact: instants are
 * BSON dates (millisecond precision, the API truncates to match), calendar dates ISO strings (no
 * time zone can shift them).
 */
final class CaseRiskDocuments {

    private CaseRiskDocuments() {}

    static Document write(CaseRiskRecord r) {
        return new Document("_id", r.caseId())
                .append("version", r.version())
                .append("assessments", r.assessments().stream().map(CaseRiskDocuments::assessment).toList())
                .append("episodes", r.episodes().stream().map(CaseRiskDocuments::episode).toList())
                .append("indicators", r.indicators().stream().map(CaseRiskDocuments::indicator).toList());
    }

    static CaseRiskRecord read(Document d) {
        return new CaseRiskRecord(d.getString("_id"), ((Number) d.get("version")).longValue(),
                list(d, "assessments").stream().map(CaseRiskDocuments::assessment).toList(),
                list(d, "episodes").stream().map(CaseRiskDocuments::episode).toList(),
                list(d, "indicators").stream().map(CaseRiskDocuments::indicator).toList());
    }

    private static Document assessment(StoredAssessment a) {
        return new Document("id", a.id()).append("level", a.level().name())
                .append("exploitationType", a.exploitationType().name())
                .append("knownToBeExploited", a.knownToBeExploited())
                .append("assessedOn", a.assessedOn().toString()).append("nextReviewOn", a.nextReviewOn().toString())
                .append("assessor", a.assessor()).append("assessorAgency", a.assessorAgency())
                .append("recordedAt", date(a.recordedAt()));
    }

    private static StoredAssessment assessment(Document d) {
        return new StoredAssessment(d.getString("id"), RiskLevel.valueOf(d.getString("level")),
                ExploitationType.valueOf(d.getString("exploitationType")), d.getBoolean("knownToBeExploited"),
                LocalDate.parse(d.getString("assessedOn")), LocalDate.parse(d.getString("nextReviewOn")),
                d.getString("assessor"), d.getString("assessorAgency"), instant(d, "recordedAt"));
    }

    private static Document episode(StoredEpisode e) {
        return new Document("id", e.id()).append("versions", e.versions().stream().map(v -> new Document()
                .append("number", v.number()).append("startedAt", date(v.startedAt()))
                .append("returnedAt", date(v.returnedAt())).append("whereFound", v.whereFound())
                .append("returnHomeInterview", v.returnHomeInterview()).append("deleted", v.deleted())
                .append("change", v.change().name()).append("reason", v.reason()).append("lateReport", v.lateReport())
                .append("recordedBy", v.recordedBy()).append("recordedByAgency", v.recordedByAgency())
                .append("recordedAt", date(v.recordedAt()))).toList());
    }

    private static StoredEpisode episode(Document d) {
        return new StoredEpisode(d.getString("id"), list(d, "versions").stream().map(v -> new StoredEpisode.Version(
                v.getInteger("number"), instant(v, "startedAt"), instant(v, "returnedAt"), v.getString("whereFound"),
                v.getBoolean("returnHomeInterview"), v.getBoolean("deleted"),
                StoredEpisode.Change.valueOf(v.getString("change")), v.getString("reason"), v.getBoolean("lateReport"),
                v.getString("recordedBy"), v.getString("recordedByAgency"), instant(v, "recordedAt"))).toList());
    }

    private static Document indicator(StoredIndicator i) {
        return new Document("id", i.id()).append("indicator", i.indicator().name())
                .append("observedOn", i.observedOn().toString()).append("sourceNote", i.sourceNote())
                .append("recordedBy", i.recordedBy()).append("recordedByAgency", i.recordedByAgency())
                .append("recordedAt", date(i.recordedAt()));
    }

    private static StoredIndicator indicator(Document d) {
        return new StoredIndicator(d.getString("id"), ExploitationIndicator.valueOf(d.getString("indicator")),
                LocalDate.parse(d.getString("observedOn")), d.getString("sourceNote"), d.getString("recordedBy"),
                d.getString("recordedByAgency"), instant(d, "recordedAt"));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Document d, String key) {
        Object value = d.get(key);
        return value == null ? List.of() : (List<Document>) value;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
