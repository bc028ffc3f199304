package uk.gov.essex.mace.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Makes an agency a member of a case. */
public record AddMemberRequest(@NotBlank @Size(max = 100) String agencyId) {}
