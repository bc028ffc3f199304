package uk.gov.essex.mace.audit.web;

import uk.gov.essex.mace.audit.internal.TamperFinding;
import uk.gov.essex.mace.audit.internal.VerificationReport;

/** The verifier's report; {@code firstFinding} names the first bad sequence number and what was done. */
record VerificationResponse(
        boolean intact,
        long entriesChecked,
        long treeHeadsChecked,
        long verifiedTreeSize,
        TamperFinding firstFinding,
        long elapsedMillis) {

    static VerificationResponse of(VerificationReport report) {
        return new VerificationResponse(
                report.intact(),
                report.entriesChecked(),
                report.treeHeadsChecked(),
                report.verifiedTreeSize(),
                report.firstFinding(),
                report.elapsed().toMillis());
    }
}
