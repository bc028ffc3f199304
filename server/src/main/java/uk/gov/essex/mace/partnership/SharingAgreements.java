package uk.gov.essex.mace.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which agencies have an information sharing agreement in force today. An agency without one may
 * not be made a member of a case, and the policy decision point lets nobody acting for it share or
 * receive anything: sharing is lawful only under an agreement.
 */
@Component
public class SharingAgreements {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Map<String, SharingAgreement> byAgency = new LinkedHashMap<>();
    private final Clock clock;

    public SharingAgreements(SharingAgreementProperties properties, Partnership partnership, Clock clock) {
        this.clock = clock;
        properties.agreements().forEach((agencyId, a) -> {
            if (partnership.agency(agencyId).isEmpty()) {
                throw new IllegalStateException("sharing agreement " + a.reference() + " names unknown agency " + agencyId);
            }
            if (a.validTo() != null && a.validTo().isBefore(a.validFrom())) {
                throw new IllegalStateException("sharing agreement " + a.reference() + " ends before it starts");
            }
            byAgency.put(agencyId, new SharingAgreement(agencyId, a.reference(), a.lawfulBasis(), a.validFrom(), a.validTo()));
        });
    }

    /** The agency's agreement if it is in force today (Europe/London). */
    public Optional<SharingAgreement> active(String agencyId) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        return Optional.ofNullable(agencyId == null ? null : byAgency.get(agencyId)).filter(a -> a.activeOn(today));
    }

    /** True when the agency has an agreement in force today. */
    public boolean isActive(String agencyId) {
        return active(agencyId).isPresent();
    }
}
