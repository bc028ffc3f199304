package uk.gov.essex.mace.intel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Police 3x5x2 grading of an intelligence item.
 *
 * @param sourceEvaluation 1 reliable, 2 untested, 3 not reliable
 * @param intelligenceAssessment A known directly to the source, B known indirectly but corroborated,
 *     C known indirectly, D not known, E suspected to be false
 * @param handlingCode P lawful sharing permitted, C lawful sharing permitted with conditions
 * @param conditions the conditions of code C, shown to every viewer of the item
 */
public record Grading(
        @NotNull @Min(1) @Max(3) Integer sourceEvaluation,
        @NotNull Assessment intelligenceAssessment,
        @NotNull HandlingCode handlingCode,
        @Size(max = 2000) String conditions) {

    /** Intelligence assessment of the 3x5x2 model. */
    public enum Assessment { A, B, C, D, E }

    /** Handling code of the 3x5x2 model. */
    public enum HandlingCode { P, C }

    @Override
    public String toString() {
        return "Grading[" + sourceEvaluation + intelligenceAssessment + handlingCode + "]";
    }
}
