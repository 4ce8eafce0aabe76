package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The eligibility lists: runs that judge every household and member of a commune against
 * every policy in force on a day and write the changes as spells. (Skeleton of the issue
 * 16 contract: the eligibility part implements it.)
 */
@Component
public class EligibilityLists {

	/** What a run found and changed. */
	public record RunSummary(UUID runId, long communeId, LocalDate asOf, int entries, int started, int ended) {
	}

	/**
	 * Generates the lists of one commune as of a day (every policy in force that day).
	 * @param communeId the commune
	 * @param asOf the day eligibility is judged on
	 * @param trigger {@code RECOGNITION}, {@code ON_DEMAND}, {@code DEMO} or
	 * {@code POLICY_FILE}
	 * @return what it did
	 */
	public RunSummary generate(long communeId, LocalDate asOf, String trigger) {
		throw new UnsupportedOperationException("eligibility lists: not built yet");
	}

	/** Generates the lists of every commune in force in a province on a day. */
	public List<RunSummary> generateProvince(String provinceCode, LocalDate asOf, String trigger) {
		throw new UnsupportedOperationException("eligibility lists: not built yet");
	}

}
