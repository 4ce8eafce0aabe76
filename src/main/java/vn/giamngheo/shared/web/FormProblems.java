package vn.giamngheo.shared.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * A refusal shown on the form that was posted: each field's messages next to that field,
 * the rest (a stale version, a closed window, a fact the form has no field for) above the
 * form. Pages re-render the same form with what was typed and this as {@code problems}.
 */
public final class FormProblems {

	private final DomainException problem;

	private final Set<String> fields;

	private FormProblems(DomainException problem, Collection<String> fields) {
		this.problem = problem;
		this.fields = Set.copyOf(fields);
	}

	/**
	 * @param problem the refusal
	 * @param fields the names of the fields the form shows
	 * @return the refusal split by field
	 */
	public static FormProblems of(DomainException problem, Collection<String> fields) {
		return new FormProblems(problem, fields);
	}

	/** The refusal itself (its general message). */
	public DomainException problem() {
		return this.problem;
	}

	/**
	 * @param field a field of the form ({@code votes.<id>} for one row of a table)
	 * @return the problems of that field ({@code field} or {@code field[i]})
	 */
	public List<FieldProblem> on(String field) {
		return this.problem.fieldProblems()
			.stream()
			.filter((f) -> f.field().equals(field) || f.field().startsWith(field + "["))
			.toList();
	}

	/** Whether a field has a problem (to mark it). */
	public boolean has(String field) {
		return !on(field).isEmpty();
	}

	/**
	 * The problems of no field on the form, shown above it ({@code votes.<id>} belongs to
	 * the form's {@code votes}).
	 */
	public List<FieldProblem> others() {
		List<FieldProblem> others = new ArrayList<>();
		for (FieldProblem f : this.problem.fieldProblems()) {
			if (this.fields.stream().noneMatch((name) -> belongs(f.field(), name))) {
				others.add(f);
			}
		}
		return others;
	}

	private static boolean belongs(String problemField, String field) {
		return problemField.equals(field) || problemField.startsWith(field + ".")
				|| problemField.startsWith(field + "[");
	}

}
