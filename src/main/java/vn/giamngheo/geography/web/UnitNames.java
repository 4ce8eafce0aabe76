package vn.giamngheo.geography.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.UnitHit;

/**
 * Units by name for pages ({@code ${@unitNames.hit(id)}}): the unit picker shows the
 * chosen unit this way, and pages that hold a unit id or a scope path show its name
 * instead ("Xã Dang — Huyện Tây Giang, Tỉnh Quảng Nam", never {@code /33/423/6777/}).
 * Only units the user sees are named; other ids give nothing.
 */
@Component("unitNames")
public class UnitNames {

	private final Geography geography;

	UnitNames(Geography geography) {
		this.geography = geography;
	}

	/** The unit with this id (a number or its text), or {@code null}. */
	public UnitHit hit(Object id) {
		Long value = id(id);
		return (value == null) ? null : this.geography.hit(value).orElse(null);
	}

	/**
	 * The name of the unit at the end of a scope path ({@code /33/423/6777/} → "Xã Dang —
	 * Huyện Tây Giang, Tỉnh Quảng Nam").
	 */
	public String ofPath(String path) {
		if (path == null || path.isBlank()) {
			return "";
		}
		String[] parts = path.split("/");
		UnitHit hit = (parts.length == 0) ? null : hit(parts[parts.length - 1]);
		return (hit != null) ? hit.label() : "";
	}

	/**
	 * The no-script way to choose a unit: the choosing page, which comes back to this
	 * page with the unit set in {@code field}.
	 * @param field the form field the unit goes in
	 * @param levels levels offered (comma-separated), or empty for all
	 * @return the link
	 */
	public String chooseHref(String field, String levels) {
		String back = "/";
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String uri = request.getRequestURI().substring(request.getContextPath().length());
			back = uri + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		}
		return UriComponentsBuilder.fromPath("/units/choose")
			.queryParam("field", field)
			.queryParam("level", (levels != null) ? levels : "")
			.queryParam("return", back)
			.encode()
			.build()
			.toUriString();
	}

	static Long id(Object id) {
		if (id instanceof Number n) {
			return n.longValue();
		}
		if (id instanceof String s && s.strip().matches("[0-9]{1,18}")) {
			return Long.valueOf(s.strip());
		}
		return null;
	}

}
