package uk.gov.essex.mace.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.CaseFacts;

/** Turns a stored case into what a permitted viewer reads, opening the child's sealed identity. */
@Component
class CaseProjection {

    private final CaseFields fields;
    private final Partnership partnership;

    CaseProjection(CaseFields fields, Partnership partnership) {
        this.fields = fields;
        this.partnership = partnership;
    }

    CaseResponse response(StoredCase c) {
        return new CaseResponse(c.id(),
                fields.open(c.id(), "childName", c.childNameSealed()),
                LocalDate.parse(fields.open(c.id(), "dateOfBirth", c.dateOfBirthSealed())),
                c.district(), c.quadrant(), c.exploitationType(), c.status(), members(c),
                c.openedAt(), c.openedBy(), c.openedByAgency(), c.closedAt(), c.closureReason());
    }

    List<MemberResponse> members(StoredCase c) {
        List<MemberResponse> members = new ArrayList<>();
        for (String id : c.memberAgencies()) {
            SharingBasis basis = c.sharingBases().get(id);
            partnership.agency(id).ifPresent(a -> members.add(new MemberResponse(a.id(), a.name(), a.type(),
                    basis == null ? null : basis.agreement(), basis == null ? null : basis.lawfulBasis())));
        }
        return members;
    }

    static CaseFacts facts(StoredCase c) {
        return new CaseFacts(c.id(), c.quadrant(), Set.copyOf(c.memberAgencies()));
    }
}
