package vn.giamngheo.shared.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps refusals to RFC 9457 problem+json for the API: a stable {@code code}, a Vietnamese
 * (or English, by {@code Accept-Language}) {@code detail} from the message bundles, and
 * field-level {@code errors}. A user's mistake is never a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	/** How long a client told "busy" should wait. */
	public static final String RETRY_AFTER_SECONDS = "30";

	private final MessageSource messages;

	public ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.code().status(),
				this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		problem.setType(URI.create(ex.code().type()));
		problem.setTitle(this.messages.getMessage("error.title." + ex.code().name(), null, ex.code().name(), locale));
		problem.setProperty("code", ex.code().name());
		if (!ex.fieldProblems().isEmpty()) {
			problem.setProperty("errors",
					ex.fieldProblems()
						.stream()
						.map((f) -> Map.of("field", f.field(), "message",
								this.messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)))
						.toList());
		}
		ex.properties().forEach(problem::setProperty);
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.code());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.code().status());
		if (ex.code() == ErrorCode.BUSY) {
			response.header(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds(RETRY_AFTER_SECONDS));
		}
		return response.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex, HttpServletRequest request) {
		return domain(new DomainException(ErrorCode.FORBIDDEN, "error.forbidden"), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		return domain(new DomainException(ErrorCode.CONFLICT, "error.conflict"), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return domain(
				DomainException.invalid(
						List.of(new DomainException.FieldProblem(ex.getName(), "error.field.format", ex.getValue()))),
				request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<DomainException.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError f) -> new DomainException.FieldProblem(f.getField(),
					(f.getDefaultMessage() != null && f.getDefaultMessage().startsWith("{"))
							? f.getDefaultMessage().substring(1, f.getDefaultMessage().length() - 1)
							: "error.field.invalid",
					f.getRejectedValue()))
			.toList();
		return asObject(domain(DomainException.invalid(problems), currentRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String where = "";
		if (ex.getCause() instanceof tools.jackson.databind.DatabindException db && !db.getPath().isEmpty()) {
			where = db.getPath()
				.stream()
				.map((r) -> (r.getPropertyName() != null) ? r.getPropertyName() : String.valueOf(r.getIndex()))
				.collect(java.util.stream.Collectors.joining("."));
		}
		return asObject(domain(new DomainException(ErrorCode.INVALID_INPUT,
				where.isEmpty() ? "error.json" : "error.json.field", where), currentRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(domain(new DomainException(ErrorCode.INVALID_INPUT, "error.invalid"), currentRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Locale locale = LocaleContextHolder.getLocale();
			String key = "error.http." + statusCode.value();
			problem.setDetail(this.messages.getMessage(key, null, problem.getDetail(), locale));
			problem.setProperty("code", codeFor(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String codeFor(HttpStatusCode status) {
		if (status.value() == HttpStatus.NOT_FOUND.value() || status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			return ErrorCode.NOT_FOUND.name();
		}
		return (status.value() == 403) ? ErrorCode.FORBIDDEN.name() : ErrorCode.INVALID_INPUT.name();
	}

	private static HttpServletRequest currentRequest(WebRequest request) {
		return ((org.springframework.web.context.request.ServletWebRequest) request).getRequest();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
		return (ResponseEntity) entity;
	}

}
