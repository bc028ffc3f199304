package uk.gov.essex.mace.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdraws an item; the reason is kept, sealed, and shown under the item's own label. */
public record WithdrawIntelRequest(@NotBlank @Size(max = 2000) String reason) {

    @Override
    public String toString() {
        return "WithdrawIntelRequest[redacted]";
    }
}
