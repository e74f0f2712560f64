package ca.gigafibre.automation.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A 409 for a duplicate says what happened without echoing the database's constraint name or the values. */
class DuplicateProblemTest {

    @Test
    void theConstraintAndTheValuesAreNotEchoed() {
        DuplicateKeyException duplicate = new DuplicateKeyException("insert failed", new java.sql.SQLException(
                "ERROR: duplicate key value violates unique constraint \"voip_line_did_key\" Detail: Key (did)=(4502722408) already exists."));

        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().onDuplicate(duplicate);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getDetail()).startsWith("This record already exists").doesNotContain("voip_line_did_key", "4502722408", "did)");
    }
}
