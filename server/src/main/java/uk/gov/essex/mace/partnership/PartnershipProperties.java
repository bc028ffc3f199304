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
 * The partnership as configured in {@code config/}: the quadrants with their districts, the kinds
 * of agency and the roles, and the agencies (production supplies its own; the {@code demo} profile
 * loads {@code config/demo/}).
 *
 * @param quadrants each quadrant's Essex districts
 * @param agencyTypes each kind of agency with what it does; must name exactly the {@link AgencyType}
 *     values (checked at start-up by {@link PartnershipVocabulary})
 * @param roles each role with what it may do; must name exactly the {@link Role} values
 * @param agencies the agencies that may use the hub
 */
@Validated
@ConfigurationProperties("hub.partnership")
public record PartnershipProperties(
        @NotEmpty Map<Quadrant, List<String>> quadrants,
        @Valid @DefaultValue List<Term> agencyTypes,
        @Valid @DefaultValue List<Term> roles,
        @Valid @DefaultValue List<AgencyDefinition> agencies) {

    /**
     * One value of the partnership's vocabulary (an agency type or a role) as configured.
     *
     * @param name the value's name, as the code spells it, e.g. {@code MACE_COORDINATOR}
     * @param description one line on what it is in the partnership
     */
    public record Term(@NotBlank String name, @NotBlank String description) {}

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
