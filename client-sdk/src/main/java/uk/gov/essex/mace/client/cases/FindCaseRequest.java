package uk.gov.essex.mace.client.cases;

import java.time.LocalDate;

/**
 * Looks for a child's existing case by name and date of birth (sent in a POST body, never in a
 * URL, so the child's identity stays out of access logs).
 *
 * @param childName the child's name as your system holds it
 * @param dateOfBirth the child's date of birth
 */
public record FindCaseRequest(String childName, LocalDate dateOfBirth) {

    @Override
    public String toString() {
        return "FindCaseRequest[...]";
    }
}
