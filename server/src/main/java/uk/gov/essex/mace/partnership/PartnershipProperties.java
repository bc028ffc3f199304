package uk.gov.essex.mace.partnership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The partnership as configured in {@code config/}: the quadrants with their districts, and the
 * agencies (production supplies its own; the {@code demo} profile loads {@code config/demo/}).
 *
 * @param quadrants each quadrant's Essex districts
 * @param agencies the agencies that may use the hub
 */
@Validated
@ConfigurationProperties("hub.partnership")
public record PartnershipProperties(
        @NotEmpty Map<Quadrant, List<String>> quadrants,
        @Valid @DefaultValue List<AgencyDefinition> agencies) {

    /**
     * One agency.
     *
     * @param id stable id used in tokens and case membership, e.g. {@code essex-police}
     * @param name display name
     * @param type the kind of agency
     * @param quadrants the quadrants it works in
     */
    public record AgencyDefinition(
            @NotBlank String id, @NotBlank String name, @NotNull AgencyType type, @NotEmpty List<Quadrant> quadrants) {}
}
