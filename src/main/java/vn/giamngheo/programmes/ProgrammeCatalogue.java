package vn.giamngheo.programmes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The programme catalogue, loaded from the files in {@code programmes/} at start (a bad
 * file stops the start and names the file and the field). Public data: no scope.
 */
@Service
public class ProgrammeCatalogue {

	private static final String TODO = "part catalogue";

	/**
	 * @return every programme, oldest first
	 */
	public List<Programme> programmes() {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * @param code programme code
	 * @return the programme
	 */
	public Optional<Programme> programme(String code) {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * @param programme programme code
	 * @param node node code
	 * @return the node
	 */
	public Optional<ProgrammeNode> node(String programme, String node) {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * @param year a year
	 * @return the programmes whose period covers it
	 */
	public List<Programme> inForce(int year) {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * @param programme programme code
	 * @param node node code
	 * @return the node of the next programme it maps to, if any
	 */
	public Optional<NodeRef> successor(String programme, String node) {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * @param policyCode a support policy code
	 * @param day a day
	 * @return the project the policy's support counts for on that day, if any
	 */
	public Optional<NodeRef> projectOfPolicy(String policyCode, LocalDate day) {
		throw new UnsupportedOperationException(TODO);
	}

}
