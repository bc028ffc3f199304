package uk.gov.essex.mace.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Role;

/**
 * The handling labels as configured in {@code config/labels.yml} (list under {@code hub.labels}).
 *
 * @param labels the configured labels
 */
@Validated
@ConfigurationProperties("hub")
public record LabelProperties(@Valid @NotEmpty List<Label> labels) {

    /** One label as written in configuration; see {@link HandlingLabel} for the meaning of each field. */
    public record Label(
            @NotBlank String id,
            @NotBlank String name,
            @NotEmpty List<GrantSpec> grants,
            boolean requiresMembership,
            @NotNull HandlingLabel.Withheld withheld,
            @DefaultValue("") String ask) {}

    /**
     * One grant: agency types and roles (either may be empty, meaning any). A grant that lists
     * neither must say {@code anyone: true}, so that a typo can never open a label to everyone.
     */
    public record GrantSpec(@DefaultValue Set<AgencyType> agencyTypes, @DefaultValue Set<Role> roles, boolean anyone) {}
}
