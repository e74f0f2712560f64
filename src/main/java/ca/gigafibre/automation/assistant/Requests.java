package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The same bean-validation checks a request body gets at the REST API, for the requests the assistant builds. */
@Component
class Requests {

    private final Validator validator;

    Requests(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldProblem> problems = violations.stream().map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
            throw new InvalidRequestException(problems);
        }
        return request;
    }
}
