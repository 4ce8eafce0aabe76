package vn.giamngheo.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/** Refusals on pages: an error page with the localized message and the right status. */
@ControllerAdvice(annotations = Controller.class)
public class PageErrorHandler {

	@ExceptionHandler(DomainException.class)
	String domain(DomainException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.code().status().value());
		if (ex.code() == ErrorCode.BUSY) {
			response.setHeader("Retry-After",
					ex.retryAfterSeconds(vn.giamngheo.shared.error.ApiProblemHandler.RETRY_AFTER_SECONDS));
		}
		model.addAttribute("problem", ex);
		return "error/problem";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		return domain(new DomainException(ErrorCode.NOT_FOUND, "error.http.404"), model, response);
	}

}
