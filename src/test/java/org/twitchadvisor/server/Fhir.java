package org.twitchadvisor.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.twitchadvisor.Question;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.fhir.FhirQuestionnaire;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** HAPI FHIR's R4 parser and validator, the independent judge of the FHIR JSON the advisor writes and reads. */
final class Fhir {
    static final FhirContext R4 = FhirContext.forR4();
    private static FhirValidator validator;

    private Fhir() {
    }

    /** @return a validator that knows the R4 core profiles and the advisor's own Questionnaire */
    static synchronized FhirValidator validator() {
        if (validator == null) {
            PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(R4);
            own.addResource(R4.newJsonParser().parseResource(Questionnaire.class, TwitchAdvisor.bundled().fhirQuestionnaire()));
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4), own,
                    new InMemoryTerminologyServerValidationSupport(R4), new CommonCodeSystemsTerminologyService(R4));
            validator = R4.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** @return the errors (and fatal errors) the validator finds, one line each */
    static List<String> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).collect(Collectors.toList());
    }

    /**
     * A QuestionnaireResponse built with HAPI's own classes from a questionnaire in the contract's JSON.
     *
     * @param answers the questionnaire JSON
     * @param questions the question table
     * @return the response
     */
    static QuestionnaireResponse response(JsonNode answers, List<Question> questions) {
        Map<String, Question> byId = questions.stream().collect(Collectors.toMap(Question::id, q -> q));
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setQuestionnaire(FhirQuestionnaire.URL);
        for (Iterator<Map.Entry<String, JsonNode>> f = answers.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> e = f.next();
            Question q = byId.get(e.getKey());
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = r.addItem().setLinkId(e.getKey());
            JsonNode v = e.getValue();
            switch (q.type()) {
                case YES_NO -> item.addAnswer().setValue(new BooleanType(v.asBoolean()));
                case ONE_OF -> item.addAnswer().setValue(new Coding(FhirQuestionnaire.CODE_SYSTEM, v.asText(), null));
                case ANY_OF -> v.forEach(x -> item.addAnswer().setValue(new Coding(FhirQuestionnaire.CODE_SYSTEM, x.asText(), null)));
                case NUMBER -> item.addAnswer().setValue(new DecimalType(v.decimalValue()));
                case TEXT -> item.addAnswer().setValue(new StringType(v.asText()));
            }
        }
        return r;
    }
}
