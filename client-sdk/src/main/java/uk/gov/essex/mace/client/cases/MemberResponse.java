package uk.gov.essex.mace.client.cases;

/**
 * A member agency of a case.
 *
 * @param agencyId the agency's id, e.g. {@code essex-police}
 * @param name its display name
 * @param type its kind ({@code POLICE}, {@code DISTRICT_COUNCIL}, ...), a string so new kinds read
 */
public record MemberResponse(String agencyId, String name, String type) {}
