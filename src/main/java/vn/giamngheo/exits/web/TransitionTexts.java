package vn.giamngheo.exits.web;

import java.util.List;

/**
 * The notes every transition report carries (page, XLSX, PDF): what is known, what is
 * inferred.
 */
final class TransitionTexts {

	static final List<String> NOTES = List.of("exits.transition.note.forms", "exits.transition.note.period",
			"exits.transition.note.inferred", "exits.transition.note.other", "exits.transition.note.area",
			"exits.transition.note.causes", "exits.transition.note.cohort");

	private TransitionTexts() {
	}

}
