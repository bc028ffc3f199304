package uk.gov.essex.mace.client.intel;

/**
 * The placeholder where the hub withheld content from the caller: that something is there, whose
 * it is, under which label, and whom to ask. (Items under a label whose rule is to withhold
 * "nothing at all", such as police source protection, are simply absent.)
 *
 * @param label the handling label's id
 * @param labelName its display name
 * @param owningAgency the agency that shared the content
 * @param owningAgencyName its display name
 * @param ask whom to ask for it
 */
public record Withheld(String label, String labelName, String owningAgency, String owningAgencyName, String ask) {}
