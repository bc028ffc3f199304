package uk.gov.essex.mace.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Places or lifts a legal hold.
 *
 * @param reason why (e.g. the proceedings or inquiry); sealed at rest, shown only to those who may manage holds
 */
public record LegalHoldRequest(@NotBlank @Size(max = 2000) String reason) {

    @Override
    public String toString() {
        return "LegalHoldRequest[redacted]";
    }
}
