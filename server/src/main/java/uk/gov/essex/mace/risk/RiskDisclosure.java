package uk.gov.essex.mace.risk;

import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * All of a case's risk records as one viewer may see them, built by the same projections as the
 * risk API, for an export that audits itself (subject access): like the API read, nothing the
 * viewer may not read is decrypted, and indicators they may not know exist are absent.
 */
public interface RiskDisclosure {

    /**
     * @param alsoWithheld labels whose content becomes a placeholder even where {@code who} could read it
     * @return empty lists when {@code who} may not read the case
     */
    Disclosed disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld);

    /**
     * @param assessments every assessment, the current first, then older by assessment date
     * @param episodes every missing episode (deleted ones too) with every version, earliest start first
     * @param indicators the indicators the viewer may know of, earliest recorded first
     */
    record Disclosed(List<AssessmentResponse> assessments, List<MissingEpisodeHistoryResponse> episodes,
            List<IndicatorResponse> indicators) {

        public Disclosed {
            assessments = List.copyOf(assessments);
            episodes = List.copyOf(episodes);
            indicators = List.copyOf(indicators);
        }
    }
}
