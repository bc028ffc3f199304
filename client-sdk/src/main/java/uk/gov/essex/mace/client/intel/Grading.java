package uk.gov.essex.mace.client.intel;

/**
 * Police 3x5x2 grading (police agencies only).
 *
 * @param sourceEvaluation 1 reliable, 2 untested, 3 not reliable
 * @param intelligenceAssessment A known directly, B indirectly but corroborated, C indirectly,
 *     D not known, E suspected false
 * @param handlingCode P lawful sharing permitted, C permitted with conditions
 * @param conditions the conditions of code C (required then), shown to every viewer
 */
public record Grading(Integer sourceEvaluation, Assessment intelligenceAssessment, HandlingCode handlingCode,
        String conditions) {

    /** Intelligence assessment of the 3x5x2 model. */
    public enum Assessment { A, B, C, D, E }

    /** Handling code of the 3x5x2 model. */
    public enum HandlingCode { P, C }
}
