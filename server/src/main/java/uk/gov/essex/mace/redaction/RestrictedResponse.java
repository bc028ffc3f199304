package uk.gov.essex.mace.redaction;

/**
 * The handling label of a restricted part the viewer may read: shown beside the words, so that
 * whoever reads them knows they are not for everyone on the case (the author above all, who can
 * see what others are shown instead). Never given with a placeholder: those who may not read the
 * words see the placeholder, which names the label itself.
 */
public record RestrictedResponse(String label, String labelName) {}
