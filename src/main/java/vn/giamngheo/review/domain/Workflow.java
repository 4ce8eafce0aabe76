package vn.giamngheo.review.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The allowed order of the steps for one household: a table of (state, event) → next
 * state. Anything not in the table is refused, so no step can be skipped or done out of
 * order.
 */
public final class Workflow {

	private static final Map<Step, Map<Event, Step>> PERIODIC = new EnumMap<>(Step.class);

	private static final Map<Step, Map<Event, Step>> IN_YEAR = new EnumMap<>(Step.class);

	static {
		allow(PERIODIC, Step.LISTED, Event.SURVEY, Step.SURVEYED);
		allow(PERIODIC, Step.SURVEYED, Event.SURVEY, Step.SURVEYED);
		allow(PERIODIC, Step.RESURVEY, Event.SURVEY, Step.SURVEYED);
		allow(PERIODIC, Step.SURVEYED, Event.MEETING_AGREED, Step.AGREED);
		allow(PERIODIC, Step.SURVEYED, Event.MEETING_REFUSED, Step.RESURVEY);
		allow(PERIODIC, Step.AGREED, Event.POST, Step.POSTED);
		allow(PERIODIC, Step.POSTED, Event.RECHECK, Step.POSTED);
		allow(PERIODIC, Step.POSTED, Event.RECOGNISE, Step.RECOGNISED);
		allow(IN_YEAR, Step.REQUESTED, Event.SURVEY, Step.SURVEYED);
		allow(IN_YEAR, Step.SURVEYED, Event.SURVEY, Step.SURVEYED);
		allow(IN_YEAR, Step.SURVEYED, Event.RECOGNISE, Step.RECOGNISED);
		allow(IN_YEAR, Step.REQUESTED, Event.REFUSE, Step.REFUSED);
		allow(IN_YEAR, Step.SURVEYED, Event.REFUSE, Step.REFUSED);
	}

	private Workflow() {
	}

	private static void allow(Map<Step, Map<Event, Step>> table, Step from, Event event, Step to) {
		table.computeIfAbsent(from, (k) -> new EnumMap<>(Event.class)).put(event, to);
	}

	/**
	 * The next step of the periodic review.
	 * @param from current step
	 * @param event what happens
	 * @return the next step, or empty when the event is not allowed now
	 */
	public static Optional<Step> next(Step from, Event event) {
		return Optional.ofNullable(PERIODIC.getOrDefault(from, Map.of()).get(event));
	}

	/**
	 * The next step of an in-year request.
	 * @param from current step
	 * @param event what happens
	 * @return the next step, or empty when the event is not allowed now
	 */
	public static Optional<Step> nextInYear(Step from, Event event) {
		return Optional.ofNullable(IN_YEAR.getOrDefault(from, Map.of()).get(event));
	}

	/**
	 * The refusal for an event out of order.
	 * @param from current step
	 * @param event the event
	 * @return the rejection
	 */
	public static Rejection outOfOrder(Step from, Event event) {
		return new Rejection("STEP_OUT_OF_ORDER", "review.rejected.out-of-order", event.name(), from.name());
	}

}
