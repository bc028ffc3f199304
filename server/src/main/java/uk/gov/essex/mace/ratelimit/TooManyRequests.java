package uk.gov.essex.mace.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import uk.gov.essex.mace.system.ProblemWriter;
import uk.gov.essex.mace.system.Problems;

/**
 * The 429 answer: problem+json with {@code Retry-After} in seconds.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6585#section-4">RFC 6585 s4</a>
 */
final class TooManyRequests {

    private TooManyRequests() {}

    static void write(ProblemWriter problems, HttpServletResponse response, long waitMillis, String detail)
            throws IOException {
        long seconds = RateLimits.seconds(waitMillis);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                detail + " Try again in " + seconds + " s.");
        problem.setProperty("retryAfterSeconds", seconds);
        problems.write(response, problem);
    }
}
