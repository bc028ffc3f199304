package uk.gov.essex.mace.cases;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;

/** {@link CaseOutlines} from the stored cases, reading only the routing fields. */
@Component
class CaseOutlineQueries implements CaseOutlines {

    private final Cases cases;

    CaseOutlineQueries(Cases cases) {
        this.cases = cases;
    }

    @Override
    public List<CaseOutline> inQuadrants(Set<Quadrant> quadrants) {
        return cases.outlines(quadrants);
    }
}
