package uk.gov.essex.mace.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Opens a case for one child.
 *
 * @param childName the child's name
 * @param dateOfBirth the child's date of birth; the child must be under 18 today
 * @param district the Essex district the child lives in (decides the quadrant)
 * @param exploitationType CSE, CCE, BOTH or NOT_YET_KNOWN
 * @param memberAgencies further agencies to make members at once (the opener's is always one)
 */
public record OpenCaseRequest(
        @NotBlank @Size(max = 200) String childName,
        @NotNull LocalDate dateOfBirth,
        @NotBlank @Size(max = 100) String district,
        @NotNull ExploitationType exploitationType,
        @Size(max = 20) List<@NotBlank String> memberAgencies) {

    @Override
    public String toString() {
        return "OpenCaseRequest[district=" + district + ", exploitationType=" + exploitationType + "]";
    }
}
