package uk.gov.essex.mace.redaction;

import uk.gov.essex.mace.policy.HandlingLabel;

/** A handling label as the label picker shows it. */
public record LabelResponse(String id, String name, boolean requiresMembership, HandlingLabel.Withheld withheld, String ask) {}
