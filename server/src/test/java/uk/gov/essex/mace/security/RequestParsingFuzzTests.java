package uk.gov.essex.mace.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.cases.AddMemberRequest;
import uk.gov.essex.mace.cases.FindChildRequest;
import uk.gov.essex.mace.cases.OpenCaseRequest;
import uk.gov.essex.mace.intel.EditIntelRequest;
import uk.gov.essex.mace.intel.ShareIntelRequest;
import uk.gov.essex.mace.intel.WithdrawIntelRequest;
import uk.gov.essex.mace.meetings.RecordActionRequest;
import uk.gov.essex.mace.risk.CorrectMissingEpisodeRequest;
import uk.gov.essex.mace.risk.RecordAssessmentRequest;
import uk.gov.essex.mace.risk.ReportMissingEpisodeRequest;

/**
 * Fuzzes what the hub does with a request body before any feature sees it: Jackson binding (as
 * the hub configures it: unknown fields refused) into the request records, then bean validation.
 * Any input must either bind and validate (with or without violations) or fail with a
 * {@link JacksonException} (which the hub answers 400): nothing else may escape, since anything
 * else would be a 500 and a stack trace in the log.
 */
@Tag("fuzz")
class RequestParsingFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final List<Class<? extends Record>> REQUESTS = List.of(ShareIntelRequest.class, OpenCaseRequest.class,
            EditIntelRequest.class, WithdrawIntelRequest.class, FindChildRequest.class, AddMemberRequest.class,
            RecordAssessmentRequest.class, ReportMissingEpisodeRequest.class, CorrectMissingEpisodeRequest.class,
            RecordActionRequest.class);

    @FuzzTest(maxDuration = "30s")
    void anyBodyBindsAndValidatesOrIsRefusedAsBadJson(FuzzedDataProvider data) {
        Class<? extends Record> type = REQUESTS.get(data.consumeInt(0, REQUESTS.size() - 1));
        byte[] body = data.consumeRemainingAsBytes();
        Record request;
        try {
            request = JSON.readValue(body, type);
        } catch (JacksonException refused) {
            return;
        }
        if (request != null) {
            VALIDATOR.validate(request);
            // What the hub may log of a request: never more than its ids and kinds.
            request.toString();
        }
    }
}
