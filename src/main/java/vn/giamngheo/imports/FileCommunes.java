package vn.giamngheo.imports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;

/**
 * The commune an uploader states for a whole file (a commune's own list has no commune
 * column, ADR 0026): one of the communes they may capture, by default their own when they
 * capture exactly one.
 */
@Component
class FileCommunes {

	private final Geography geography;

	FileCommunes(Geography geography) {
		this.geography = geography;
	}

	/**
	 * The communes the user captures in (the commune of a village they capture), in the
	 * order of their scope. A district or province officer captures too many to list:
	 * none.
	 */
	List<Unit> capturable(Actor actor) {
		List<Unit> out = new ArrayList<>();
		for (String path : actor.scope().capturePaths()) {
			String[] ids = path.split("/");
			if (ids.length == 0 || ids[ids.length - 1].isEmpty()) {
				continue;
			}
			Unit unit = this.geography.unit(Long.parseLong(ids[ids.length - 1]));
			Unit commune = (unit.isVillage() && unit.parentId() != null) ? this.geography.unit(unit.parentId()) : unit;
			if (commune.isCommune() && out.stream().noneMatch((u) -> u.id() == commune.id())) {
				out.add(commune);
			}
		}
		return out;
	}

	/**
	 * The commune stated for a file.
	 * @param code the commune's code as chosen, or blank for the default
	 * @return its code; the user's own commune when none was chosen and they capture
	 * exactly one; null when none was chosen otherwise (the file must then name its
	 * communes)
	 * @throws DomainException (invalid) when the chosen commune is unknown or outside the
	 * user's capture scope
	 */
	String stated(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			List<Unit> own = capturable(actor);
			return (own.size() == 1) ? own.get(0).code() : null;
		}
		String c = code.trim();
		boolean ok = this.geography.byCode(c)
			.stream()
			.anyMatch((u) -> u.isCommune() && actor.scope().canCapture(u.path()));
		if (!ok) {
			throw DomainException.invalid(List.of(new FieldProblem("commune", "imports.commune.stated")));
		}
		return c;
	}

}
