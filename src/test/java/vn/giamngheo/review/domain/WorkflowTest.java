package vn.giamngheo.review.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowTest {

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource({ "LISTED, SURVEY, SURVEYED", "SURVEYED, SURVEY, SURVEYED", "RESURVEY, SURVEY, SURVEYED",
			"SURVEYED, MEETING_AGREED, AGREED", "SURVEYED, MEETING_REFUSED, RESURVEY", "AGREED, POST, POSTED",
			"POSTED, RECHECK, POSTED", "POSTED, RECOGNISE, RECOGNISED" })
	void periodicStepsInOrder(Step from, Event event, Step to) {
		assertThat(Workflow.next(from, event)).contains(to);
	}

	/** Every pair not in the table above is refused: no skipping, no going back. */
	@Test
	void everyOtherPeriodicMoveIsRefused() {
		Set<String> allowed = Set.of("LISTED SURVEY", "SURVEYED SURVEY", "RESURVEY SURVEY", "SURVEYED MEETING_AGREED",
				"SURVEYED MEETING_REFUSED", "AGREED POST", "POSTED RECHECK", "POSTED RECOGNISE");
		List<String> accepted = new ArrayList<>();
		for (Step from : Step.values()) {
			for (Event event : Event.values()) {
				if (Workflow.next(from, event).isPresent()) {
					accepted.add(from + " " + event);
				}
			}
		}
		assertThat(accepted).containsExactlyInAnyOrderElementsOf(allowed);
	}

	@ParameterizedTest(name = "{0} + {1} refused")
	@CsvSource({ "LISTED, MEETING_AGREED", "LISTED, POST", "LISTED, RECOGNISE", "SURVEYED, POST", "SURVEYED, RECOGNISE",
			"RESURVEY, MEETING_AGREED", "AGREED, RECOGNISE", "AGREED, SURVEY", "POSTED, SURVEY", "RECOGNISED, SURVEY",
			"RECOGNISED, RECHECK", "RECOGNISED, RECOGNISE" })
	void skippingOrGoingBackIsRefused(Step from, Event event) {
		assertThat(Workflow.next(from, event)).isEmpty();
		assertThat(Workflow.outOfOrder(from, event).code()).isEqualTo("STEP_OUT_OF_ORDER");
	}

	@ParameterizedTest(name = "in-year {0} + {1} -> {2}")
	@CsvSource({ "REQUESTED, SURVEY, SURVEYED", "SURVEYED, RECOGNISE, RECOGNISED", "REQUESTED, REFUSE, REFUSED",
			"SURVEYED, REFUSE, REFUSED", "REQUESTED, RECOGNISE, ", "REFUSED, SURVEY, ", "RECOGNISED, REFUSE, " })
	void inYearRequests(Step from, Event event, Step to) {
		assertThat(Workflow.nextInYear(from, event).orElse(null)).isEqualTo(to);
	}

}
