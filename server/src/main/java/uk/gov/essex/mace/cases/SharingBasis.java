package uk.gov.essex.mace.cases;

import java.time.Instant;
import java.util.List;

/**
 * The information sharing agreement and lawful basis a member agency joined a case under, recorded
 * as they stood when it joined (a later change of configuration does not rewrite history).
 *
 * @param agreement the agreement's reference
 * @param lawfulBasis the lawful basis it relies on
 * @param since when the agency joined the case under it
 */
public record SharingBasis(String agreement, List<String> lawfulBasis, Instant since) {

    public SharingBasis {
        lawfulBasis = List.copyOf(lawfulBasis);
    }
}
