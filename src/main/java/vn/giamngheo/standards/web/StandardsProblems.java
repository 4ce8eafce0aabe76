package vn.giamngheo.standards.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.giamngheo.standards.domain.InvalidFactsException;

/**
 * Maps the standards API's rejections to RFC 9457 problem details: unknown standard →
 * 404, unreadable body → 400 (by the base class), facts that cannot be classified → 422.
 */
@RestControllerAdvice(assignableTypes = StandardsController.class)
public class StandardsProblems extends ResponseEntityExceptionHandler {

	static final String TYPE = "https://giamngheo.vn/problems/";

	@ExceptionHandler
	ProblemDetail unknownStandard(StandardsController.UnknownStandardException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create(TYPE + "unknown-standard"));
		problem.setTitle("Không tìm thấy chuẩn nghèo / Standard not found");
		problem.setProperty("code", "UNKNOWN_STANDARD");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidFacts(InvalidFactsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(URI.create(TYPE + "invalid-facts"));
		problem.setTitle("Không phân loại được hộ / Household cannot be classified");
		problem.setProperty("code", ex.code());
		problem.setProperty("field", ex.field());
		return problem;
	}

}
