package vn.giamngheo.registry.domain;

import java.util.List;

/**
 * Coded values of the registry (stored as text; labels come from the message bundles).
 */
public final class Codes {

	public static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "GRANDCHILD",
			"GRANDPARENT", "SIBLING", "CHILD_IN_LAW", "OTHER");

	public static final List<String> EDUCATION = List.of("NONE", "PRIMARY", "LOWER_SECONDARY", "UPPER_SECONDARY",
			"VOCATIONAL_ELEMENTARY", "VOCATIONAL_INTERMEDIATE", "COLLEGE", "UNIVERSITY");

	public static final List<String> EMPLOYMENT = List.of("WAGE_WITH_CONTRACT", "WAGE_NO_CONTRACT", "SELF_EMPLOYED",
			"FARMER", "UNEMPLOYED", "NOT_WORKING", "STUDENT", "RETIRED");

	public static final List<String> HOUSEHOLD_STATUS = List.of("ACTIVE", "MOVED", "MERGED", "SPLIT", "DISSOLVED");

	public static final List<String> CLASSES = List.of("POOR", "NEAR_POOR", "MIDDLE", "ABOVE_MIDDLE", "NOT_POOR");

	private Codes() {
	}

}
