package uk.gov.essex.mace.partnership;

/** An Essex district and the MACE quadrant it belongs to. */
public record District(String name, Quadrant quadrant) {}
