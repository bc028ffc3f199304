package uk.gov.essex.mace.partnership;

import java.time.LocalDate;
import java.util.List;

/**
 * The information sharing agreement an agency shares under, and the lawful basis it relies on.
 *
 * @param agencyId the agency the agreement covers
 * @param reference the agreement's reference, as signed by the partners (e.g. {@code ESSEX-MACE-ISA-2026/01})
 * @param lawfulBasis the conditions relied on, e.g. {@code UK GDPR Art 6(1)(e)} and {@code UK GDPR
 *     Art 9(2)(g); DPA 2018 Sch 1 para 18 (safeguarding of children)}
 * @param validFrom first day the agreement is in force (Europe/London)
 * @param validTo last day it is in force, inclusive; {@code null} while it has no end date
 */
public record SharingAgreement(String agencyId, String reference, List<String> lawfulBasis, LocalDate validFrom,
        LocalDate validTo) {

    public SharingAgreement {
        lawfulBasis = List.copyOf(lawfulBasis);
    }

    /** In force on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
