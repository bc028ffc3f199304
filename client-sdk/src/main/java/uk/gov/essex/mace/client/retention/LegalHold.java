package uk.gov.essex.mace.client.retention;

import java.time.Instant;

/**
 * A case's legal hold (its latest), as those who may manage holds read it. {@link #toString()}
 * leaves out the reasons.
 *
 * @param caseId the case
 * @param held whether the case is held now (false also when it never was: then every other field is null)
 * @param placedBy who placed the latest hold
 * @param placedByAgency their agency
 * @param placedAt when
 * @param reason why it was placed
 * @param liftedBy who lifted it, if lifted
 * @param liftedByAgency their agency
 * @param liftedAt when
 * @param liftReason why it was lifted
 */
public record LegalHold(String caseId, boolean held, String placedBy, String placedByAgency, Instant placedAt,
        String reason, String liftedBy, String liftedByAgency, Instant liftedAt, String liftReason) {

    @Override
    public String toString() {
        return "LegalHold[" + caseId + (held ? " held" : "") + "]";
    }
}
