package uk.gov.essex.mace.partnership;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Looks up the configured districts and agencies. Read-only; built once at start-up. */
@Component
public class Partnership {

    private final Map<String, District> districts = new LinkedHashMap<>();
    private final Map<String, Agency> agencies = new LinkedHashMap<>();

    public Partnership(PartnershipProperties properties) {
        properties.quadrants().forEach((quadrant, names) -> names.forEach(name -> {
            District previous = districts.put(key(name), new District(name, quadrant));
            if (previous != null) {
                throw new IllegalStateException("district " + name + " is configured in two quadrants");
            }
        }));
        for (PartnershipProperties.AgencyDefinition a : properties.agencies()) {
            if (agencies.put(a.id(), new Agency(a.id(), a.name(), a.type(), Set.copyOf(a.quadrants()))) != null) {
                throw new IllegalStateException("agency id " + a.id() + " is configured twice");
            }
        }
    }

    /** The district with this name (case-insensitive), if it is an Essex district the hub knows. */
    public Optional<District> district(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(districts.get(key(name)));
    }

    public List<District> districts() {
        return List.copyOf(districts.values());
    }

    public Optional<Agency> agency(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(agencies.get(id));
    }

    public Collection<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    private static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
