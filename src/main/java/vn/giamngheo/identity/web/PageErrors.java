package vn.giamngheo.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.giamngheo.shared.error.DomainException;

/** Refusals on the identity and audit pages become the 403/404 error page, not a 500. */
@ControllerAdvice(assignableTypes = { AccountController.class, UserAdminController.class })
class PageErrors {

	@ExceptionHandler(DomainException.class)
	void refused(DomainException ex, HttpServletResponse response) throws java.io.IOException {
		response.sendError(ex.code().status().value());
	}

}
