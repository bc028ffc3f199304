package uk.gov.essex.mace.redaction;

/**
 * The placeholder a viewer gets where content is withheld: that something is there, which agency
 * owns it, under which label, and whom to ask.
 */
public record WithheldResponse(String label, String labelName, String owningAgency, String owningAgencyName, String ask) {}
