package uk.gov.essex.mace.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code hub.http.max-body-bytes} with 413 problem+json before any
 * parsing. Bodies without a declared length (chunked) are refused too, unless small enough to be
 * counted: the limit is enforced while reading as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final HttpProperties properties;
    private final ProblemWriter problems;

    BodySizeLimitFilter(HttpProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.maxBodyBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload too large", "The request body is larger than " + limit + " bytes."));
            return;
        }
        chain.doFilter(declared < 0 ? new LimitedBodyRequest(request, limit) : request, response);
    }
}
