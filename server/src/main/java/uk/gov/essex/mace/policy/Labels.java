package uk.gov.essex.mace.policy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Role;

/** The catalogue of configured handling labels, and how strict one is compared with another. */
@Component
public class Labels {

    public static final String ALL_MEMBERS = "all-members";

    private final Map<String, HandlingLabel> byId = new LinkedHashMap<>();

    public Labels(LabelProperties properties) {
        for (LabelProperties.Label l : properties.labels()) {
            for (LabelProperties.GrantSpec g : l.grants()) {
                boolean listsSomeone = !g.agencyTypes().isEmpty() || !g.roles().isEmpty();
                if (listsSomeone == g.anyone()) {
                    throw new IllegalStateException("label " + l.id()
                            + ": a grant must list agency types or roles, or say 'anyone: true' (and not both)");
                }
            }
            List<HandlingLabel.Grant> grants = l.grants().stream()
                    .map(g -> new HandlingLabel.Grant(g.agencyTypes(), g.roles()))
                    .toList();
            if (byId.put(l.id(), new HandlingLabel(l.id(), l.name(), grants, l.requiresMembership(), l.withheld(), l.ask())) != null) {
                throw new IllegalStateException("label " + l.id() + " is configured twice");
            }
        }
        if (!byId.containsKey(ALL_MEMBERS)) {
            throw new IllegalStateException("the label '" + ALL_MEMBERS + "' must be configured");
        }
    }

    public Optional<HandlingLabel> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public HandlingLabel get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("unknown label " + id));
    }

    public List<HandlingLabel> all() {
        return List.copyOf(byId.values());
    }

    /**
     * True when every viewer {@code candidate} admits is also admitted by {@code base}: a restricted
     * segment must be at least as strict as its item. Checked over every agency type, role and
     * membership, since a viewer's roles only ever widen what a grant admits.
     */
    public boolean atLeastAsStrict(HandlingLabel candidate, HandlingLabel base) {
        if (base.requiresMembership() && !candidate.requiresMembership()) {
            return false;
        }
        for (AgencyType type : AgencyType.values()) {
            for (Role role : Role.values()) {
                Set<Role> roles = EnumSet.of(role);
                if (admits(candidate, type, roles) && !admits(base, type, roles)) {
                    return false;
                }
            }
            if (admits(candidate, type, Set.of()) && !admits(base, type, Set.of())) {
                return false;
            }
        }
        return true;
    }

    static boolean admits(HandlingLabel label, AgencyType type, Set<Role> roles) {
        return label.grants().stream().anyMatch(g -> g.admits(type, roles));
    }
}
