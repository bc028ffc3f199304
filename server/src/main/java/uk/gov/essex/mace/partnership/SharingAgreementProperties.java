package uk.gov.essex.mace.partnership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The information sharing agreements of the partnership's agencies ({@code hub.partnership.agreements},
 * keyed by agency id). Production supplies them with the agencies; the {@code demo} profile loads
 * {@code config/demo/agreements.yml}.
 *
 * @param agreements each agency's agreement; an agency with none (or none in force) neither shares
 *     nor receives anything through the hub
 */
@Validated
@ConfigurationProperties("hub.partnership")
public record SharingAgreementProperties(@Valid @DefaultValue Map<String, Agreement> agreements) {

    /**
     * One agency's agreement.
     *
     * @param reference the agreement's reference
     * @param lawfulBasis the lawful basis (and, for special category data, the condition) it relies on
     * @param validFrom first day in force
     * @param validTo last day in force (inclusive); absent while open-ended
     */
    public record Agreement(
            @NotBlank String reference,
            @NotEmpty List<@NotBlank String> lawfulBasis,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {}
}
