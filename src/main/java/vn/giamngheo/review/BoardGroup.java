package vn.giamngheo.review;

import java.util.List;

/**
 * Communes of the progress board under one heading (ADR 0025): their district when the
 * review's communes lie in districts (lists before 1 July 2025), else their area
 * (terrain: mountainous, plain, highland) on the two-tier map; communes without either
 * under "other".
 *
 * @param key what the board's filter sends ({@code d<unit id>}, {@code a<terrain>} or
 * {@code other}): chosen from a list, never typed
 * @param districtName the district's name, or {@code null} for an area
 * @param terrain the area's terrain code (labelled from the bundle), or {@code null}
 * @param communes the communes, by name
 */
public record BoardGroup(String key, String districtName, String terrain, List<CommuneProgress> communes) {

	public BoardGroup {
		communes = List.copyOf(communes);
	}

	/** The sums over the group's communes. */
	public CommuneProgress totals() {
		return CommuneProgress.sum(this.communes);
	}

	/** Communes of the group behind the calendar. */
	public long late() {
		return this.communes.stream().filter(CommuneProgress::late).count();
	}

}
