package uk.gov.essex.mace.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import uk.gov.essex.mace.audit.AuditTreeHeadNotFound;
import uk.gov.essex.mace.audit.AuditTreeHeadRefused;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.audit.InvalidAuditQuery;
import uk.gov.essex.mace.crypto.CaseKeyDestroyedException;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;
import uk.gov.essex.mace.policy.AccessDeniedProblem;

/**
 * The one place where failures become RFC 9457 problem+json. Expected failures are logged without
 * stack traces; details never echo request content (it may be case data).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(AccessDeniedProblem.class)
    ProblemDetail denied(AccessDeniedProblem e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You may not do this (" + e.reason() + ").");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail securityDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not do this.");
    }

    @ExceptionHandler(NotFoundProblem.class)
    ProblemDetail notFound(NotFoundProblem e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidRequestProblem.class)
    ProblemDetail invalid(InvalidRequestProblem e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.slug(), "Invalid request", e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(ConflictProblem.class)
    ProblemDetail conflict(ConflictProblem e) {
        return Problems.of(HttpStatus.CONFLICT, e.slug(), "Conflict", e.getMessage());
    }

    @ExceptionHandler(InvalidAuditQuery.class)
    ProblemDetail invalidAuditQuery(InvalidAuditQuery e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-audit-query", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(AuditTreeHeadNotFound.class)
    ProblemDetail noTreeHead(AuditTreeHeadNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AuditTreeHeadRefused.class)
    ProblemDetail treeHeadRefused(AuditTreeHeadRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "tree-head-refused", "Conflict",
                "The stored audit entries no longer match the latest signed tree head, so the hub will not sign.");
    }

    @ExceptionHandler(CiphertextRejectedException.class)
    ProblemDetail ciphertextRejected(CiphertextRejectedException e) {
        // A stored value failed authentication: tampering or corruption. Alarm, never return it.
        log.error("INTEGRITY ALARM: a stored ciphertext was refused ({})", e.getMessage());
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "integrity-failure", "Internal error",
                "Stored data failed its integrity check and was not returned. Quote the request id to support.");
    }

    @ExceptionHandler(CaseKeyDestroyedException.class)
    ProblemDetail erased(CaseKeyDestroyedException e) {
        return Problems.of(HttpStatus.GONE, "erased", "Gone", "This record was erased under its retention schedule.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request",
                "Parameter '" + e.getName() + "' has an invalid value.");
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ProblemDetail auditUnavailable(AuditUnavailableException e) {
        log.error("Audit trail unavailable; the action was not carried out", e);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable", "Service unavailable",
                "The audit trail could not record this action, so it was not carried out.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The hub could not complete this request. Quote the request id to support.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (causedBy(e, MaxUploadSizeExceededException.class)) {
            problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than the hub accepts.");
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field", "Invalid request",
                    "Unknown field '" + unknown.getPropertyName() + "'.");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Invalid request",
                    "The request body is missing or is not valid JSON of the expected shape.");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid parameters.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives Spring's own problems (404, 405, 406, 413, 415, ...) a stable type and the request id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type(slugFor(status)));
            }
            if (RequestContext.requestId() != null) {
                problem.setProperty("requestId", RequestContext.requestId());
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String slugFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
