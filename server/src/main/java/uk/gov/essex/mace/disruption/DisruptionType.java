package uk.gov.essex.mace.disruption;

import java.util.Locale;
import java.util.Optional;

/** What was done at the place: the regulatory and enforcement tools of councils, CSPs and police. */
public enum DisruptionType {
    LICENSING_INSPECTION,
    CLOSURE_ORDER,
    COMMUNITY_PROTECTION_NOTICE,
    CRIMINAL_BEHAVIOUR_ORDER,
    HOTEL_OR_PREMISES_CHECK,
    TAXI_LICENSING_ACTION,
    PARTNERSHIP_PATROL,
    TRADING_STANDARDS,
    HOUSING_ACTION,
    OTHER;

    /** Parses a type name case-insensitively; empty for anything else. */
    public static Optional<DisruptionType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
