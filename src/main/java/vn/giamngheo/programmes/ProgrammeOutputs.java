package vn.giamngheo.programmes;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Outputs of a programme counted from what was done (support records and models linked to
 * its projects) or, where they cannot be counted, entered and approved.
 */
@Service
public class ProgrammeOutputs {

	/**
	 * Every output of every node of a programme for a unit (its whole subtree) and a
	 * year. Needs the view scope of the unit.
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @return the figures by node and output
	 */
	public Map<OutputKey, OutputFigure> outputs(String programme, long unitId, int year) {
		throw new UnsupportedOperationException("part catalogue");
	}

}
