package uk.gov.essex.mace.policy;

import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Role;

/**
 * A handling label, from {@code config/labels.yml}: who may see content under it, and what others
 * see instead.
 *
 * @param id stable id, e.g. {@code police-only}
 * @param name display name
 * @param grants the label admits a viewer matched by any grant
 * @param requiresMembership whether the viewer's agency must be a member of the case (quadrant
 *     oversight alone is not enough)
 * @param withheld what a viewer outside the audience sees
 * @param ask whom such a viewer should ask
 */
public record HandlingLabel(
        String id, String name, List<Grant> grants, boolean requiresMembership, Withheld withheld, String ask) {

    public HandlingLabel {
        grants = List.copyOf(grants);
    }

    /** Admits a viewer whose agency type is listed (or none are) and who holds a listed role (or none are). */
    public record Grant(Set<AgencyType> agencyTypes, Set<Role> roles) {

        public Grant {
            agencyTypes = agencyTypes == null ? Set.of() : Set.copyOf(agencyTypes);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        boolean admits(AgencyType agencyType, Set<Role> viewerRoles) {
            boolean typeOk = agencyTypes.isEmpty() || agencyTypes.contains(agencyType);
            boolean roleOk = roles.isEmpty() || viewerRoles.stream().anyMatch(roles::contains);
            return typeOk && roleOk;
        }
    }

    /** What a viewer outside the label's audience receives. */
    public enum Withheld {
        /** A labelled placeholder: something is withheld, by whom, under which label, whom to ask. */
        PLACEHOLDER,
        /** Nothing at all: not the item, not its existence, not a count. */
        NOTHING
    }
}
