package vn.giamngheo.benefits.domain;

import java.util.List;

/**
 * Who is eligible for one version of a policy: any of the clauses, with its citation.
 *
 * @param anyOf the clauses, in order (the first that holds gives the reasons)
 * @param citation the article that says who is eligible, and whether it was read
 */
public record Eligibility(List<Clause> anyOf, Citation citation) {

	public Eligibility {
		anyOf = List.copyOf(anyOf);
	}

}
