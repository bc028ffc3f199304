package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.cases.ExploitationType;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.policy.Labels;

/**
 * The stored form of {@link CaseRiskRecord}, written by hand so that it is exact: instants are
 * BSON dates (millisecond precision, the API truncates to match), calendar dates ISO strings (no
 * time zone can shift them). The free text of missing episodes (where a child was found,
 * correction and deletion reasons) is sealed here with the case's data key, bound to case, record,
 * field and version. Indicator source notes arrive already sealed ({@link IndicatorContent}), part by
 * part, and are opened only for a viewer their labels admit.
 */
@Component
class CaseRiskDocuments {

    static final String EPISODE = "missing-episode";
    static final String INDICATOR = "indicator";

    private final FieldCipher cipher;

    CaseRiskDocuments(FieldCipher cipher) {
        this.cipher = cipher;
    }

    Document write(CaseRiskRecord r) {
        return new Document("_id", r.caseId())
                .append("version", r.version())
                .append("assessments", r.assessments().stream().map(CaseRiskDocuments::assessment).toList())
                .append("episodes", r.episodes().stream().map(e -> episode(r.caseId(), e)).toList())
                .append("indicators", r.indicators().stream().map(CaseRiskDocuments::indicator).toList());
    }

    CaseRiskRecord read(Document d) {
        String caseId = d.getString("_id");
        return new CaseRiskRecord(caseId, ((Number) d.get("version")).longValue(),
                list(d, "assessments").stream().map(CaseRiskDocuments::assessment).toList(),
                list(d, "episodes").stream().map(e -> episode(caseId, e)).toList(),
                list(d, "indicators").stream().map(CaseRiskDocuments::indicator).toList());
    }

    /** How many records (assessments, episodes, indicators) a stored document holds, without opening anything. */
    static int records(Document d) {
        return list(d, "assessments").size() + list(d, "episodes").size() + list(d, "indicators").size();
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

    private Document episode(String caseId, StoredEpisode e) {
        return new Document("id", e.id()).append("versions", e.versions().stream().map(v -> new Document()
                .append("number", v.number()).append("startedAt", date(v.startedAt()))
                .append("returnedAt", date(v.returnedAt())).append("whereFound", seal(caseId, EPISODE, e.id(), "whereFound", v.number(), v.whereFound()))
                .append("returnHomeInterview", v.returnHomeInterview()).append("deleted", v.deleted())
                .append("change", v.change().name()).append("reason", seal(caseId, EPISODE, e.id(), "reason", v.number(), v.reason()))
                .append("lateReport", v.lateReport())
                .append("recordedBy", v.recordedBy()).append("recordedByAgency", v.recordedByAgency())
                .append("recordedAt", date(v.recordedAt()))).toList());
    }

    private StoredEpisode episode(String caseId, Document d) {
        String id = d.getString("id");
        return new StoredEpisode(id, list(d, "versions").stream().map(v -> new StoredEpisode.Version(
                v.getInteger("number"), instant(v, "startedAt"), instant(v, "returnedAt"),
                open(caseId, EPISODE, id, "whereFound", v.getInteger("number"), v.get("whereFound")),
                v.getBoolean("returnHomeInterview"), v.getBoolean("deleted"),
                StoredEpisode.Change.valueOf(v.getString("change")),
                open(caseId, EPISODE, id, "reason", v.getInteger("number"), v.get("reason")), v.getBoolean("lateReport"),
                v.getString("recordedBy"), v.getString("recordedByAgency"), instant(v, "recordedAt"))).toList());
    }

    private static Document indicator(StoredIndicator i) {
        return new Document("id", i.id()).append("indicator", i.indicator().name())
                .append("observedOn", i.observedOn().toString())
                .append("label", i.label())
                .append("sourceNoteParts", i.sourceNote().stream()
                        .map(p -> new Document("label", p.label()).append("sealed", new Binary(p.sealed()))).toList())
                .append("recordedBy", i.recordedBy()).append("recordedByAgency", i.recordedByAgency())
                .append("recordedAt", date(i.recordedAt()));
    }

    private static StoredIndicator indicator(Document d) {
        // Recorded before indicators had labels: shown to every reader of the case, as they were then.
        String label = d.getString("label") == null ? Labels.ALL_MEMBERS : d.getString("label");
        List<StoredIndicator.NotePart> note = new ArrayList<>();
        if (d.containsKey("sourceNoteParts")) {
            List<Document> parts = list(d, "sourceNoteParts");
            for (int i = 0; i < parts.size(); i++) {
                String partLabel = parts.get(i).getString("label");
                note.add(new StoredIndicator.NotePart(partLabel, IndicatorContent.field(i, label, partLabel),
                        ((Binary) parts.get(i).get("sealed")).getData()));
            }
        } else if (d.get("sourceNote") instanceof Binary legacy) {
            note.add(new StoredIndicator.NotePart(null, IndicatorContent.LEGACY_FIELD, legacy.getData()));
        }
        return new StoredIndicator(d.getString("id"), ExploitationIndicator.valueOf(d.getString("indicator")),
                LocalDate.parse(d.getString("observedOn")), label, note, d.getString("recordedBy"),
                d.getString("recordedByAgency"), instant(d, "recordedAt"));
    }

    private Binary seal(String caseId, String type, String id, String field, int version, String text) {
        return text == null ? null : new Binary(cipher.sealText(new FieldContext(caseId, type, id, field, version), text));
    }

    private String open(String caseId, String type, String id, String field, int version, Object sealed) {
        return sealed == null ? null
                : cipher.openText(new FieldContext(caseId, type, id, field, version), ((Binary) sealed).getData());
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
