/**
 * Cases: one per child. Open a case, find a child's existing case before opening another, read
 * and list the cases your agency is a member of, and manage member agencies.
 */
package uk.gov.essex.mace.client.cases;
