package uk.gov.essex.mace.partnership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The agency types and roles as {@code config/partnership.yml} describes them. The hub's rules
 * decide on each value (policy, labels, redaction), so the configured lists must name exactly the
 * values of {@link AgencyType} and {@link Role}: anything else fails start-up with a message naming
 * what is missing, what the code does not know and what is listed twice.
 */
@Component
class PartnershipVocabulary {

    private final Map<AgencyType, String> agencyTypes;
    private final Map<Role, String> roles;

    PartnershipVocabulary(PartnershipProperties properties) {
        this.agencyTypes = describe("hub.partnership.agency-types", properties.agencyTypes(), AgencyType.class);
        this.roles = describe("hub.partnership.roles", properties.roles(), Role.class);
    }

    String description(AgencyType type) {
        return agencyTypes.get(type);
    }

    String description(Role role) {
        return roles.get(role);
    }

    private static <E extends Enum<E>> Map<E, String> describe(String property, List<PartnershipProperties.Term> configured,
            Class<E> type) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (PartnershipProperties.Term term : configured) {
            if (byName.put(term.name(), term.description()) != null) {
                twice.add(term.name());
            }
        }
        List<String> missing = new ArrayList<>();
        Map<E, String> described = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            String description = byName.remove(value.name());
            if (description == null) {
                missing.add(value.name());
            } else {
                described.put(value, description);
            }
        }
        List<String> unknown = List.copyOf(byName.keySet());
        if (!missing.isEmpty() || !unknown.isEmpty() || !twice.isEmpty()) {
            throw new IllegalStateException(property + " must list each " + type.getSimpleName()
                    + " the code knows, once and nothing else (the hub's rules depend on each value): missing "
                    + missing + ", not known to the code " + unknown + ", listed twice " + twice
                    + ". Change config/partnership.yml, or the code and the configuration together.");
        }
        return Collections.unmodifiableMap(described);
    }
}
